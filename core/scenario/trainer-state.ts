/** What the trainer shows and scores, as the backend reports it (plain JSON, pushed as 'trainer-state'). */
import type { ScenarioPace } from './schema';

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
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
  text: string;
  /** Only the presenter sees it (what the trainee should discover). */
  hidden: boolean;
}

export interface ActionResult {
  id: string;
  description: string;
  points: number;
  status: 'pending' | 'met' | 'missed';
  /** When it was met or missed, seconds since start. */
  atS: number | null;
  note: string | null;
}

export interface AnswerResult {
  questionId: string;
  prompt: string;
  choice: string;
  rightChoice: string;
  correct: boolean;
  points: number;
  atS: number;
  explanation: string | null;
}

export interface TrainerState {
  scenario: ScenarioSummary | null;
  status: TrainerStatus;
  elapsedS: number;
  caption: { text: string; atS: number; untilS: number } | null;
  /** Bumped token: the renderer moves the camera once per token. */
  camera: { componentId: string; token: number } | null;
  question: { id: string; prompt: string; choices: string[]; points: number } | null;
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
  description: string;
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
