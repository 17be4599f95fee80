/** What the trainer shows and scores, as the backend reports it (plain JSON, pushed as 'trainer-state'). */
import type { LocalizedText } from './localized-text';
import type { ScenarioPace } from './schema';

export interface ScenarioSummary {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  faultType: string | null;
  durationS: number;
  pace: ScenarioPace;
  /** 'built-in' or the file name it was opened from. */
  source: string;
}

export type TrainerStatus = 'idle' | 'ready' | 'playing' | 'paused' | 'question' | 'finished';

export type LogKind =
  | 'caption'
  | 'camera'
  | 'fault'
  | 'control'
  | 'question'
  | 'answer'
  | 'pause'
  | 'alarm'
  | 'trip'
  | 'ack'
  | 'trainee-control'
  | 'end';

export interface TrainerLogEntry {
  /** Simulated seconds since the scenario started. */
  atS: number;
  kind: LogKind;
  /** The scenario's own words in its languages; what the player writes, in English and 简体中文. */
  text: LocalizedText;
  /** Only the presenter sees it (what the trainee should discover). */
  hidden: boolean;
}

export interface ActionResult {
  id: string;
  description: LocalizedText;
  points: number;
  status: 'pending' | 'met' | 'missed';
  /** When it was met or missed, seconds since start. */
  atS: number | null;
  note: LocalizedText | null;
}

export interface AnswerResult {
  questionId: string;
  prompt: LocalizedText;
  choice: LocalizedText;
  rightChoice: LocalizedText;
  correct: boolean;
  points: number;
  atS: number;
  explanation: LocalizedText | null;
}

export interface TrainerState {
  scenario: ScenarioSummary | null;
  status: TrainerStatus;
  elapsedS: number;
  caption: { text: LocalizedText; atS: number; untilS: number } | null;
  /** Bumped token: the renderer moves the camera once per token. */
  camera: { componentId: string; token: number } | null;
  question: { id: string; prompt: LocalizedText; choices: LocalizedText[]; points: number } | null;
  answers: AnswerResult[];
  actions: ActionResult[];
  log: TrainerLogEntry[];
  score: number;
  maxScore: number;
  /** Simulated time the scenario started, ms since epoch (null before play). */
  startedAt: number | null;
  /** The expected action whose window sets the pace now (null: fast-forward between actions). */
  actionWindow: ActionWindow | null;
}

/** While an expected action is open the scenario plays at its action pace (real time by default). */
export interface ActionWindow {
  actionId: string;
  description: LocalizedText;
  /** Scenario seconds: when the action's clock started and when its deadline (or open window) ends. */
  fromS: number;
  untilS: number;
}

export const idleTrainerState = (): TrainerState => ({
  scenario: null,
  status: 'idle',
  elapsedS: 0,
  caption: null,
  camera: null,
  question: null,
  answers: [],
  actions: [],
  log: [],
  score: 0,
  maxScore: 0,
  startedAt: null,
  actionWindow: null,
});
