import { createStore } from 'zustand/vanilla';
import type { Alarm, SessionInfo, SimStatus } from '../../../core/api/types';
import type { AssetProblem } from '../../../core/asset/parse';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
  /** Buttons that resolve what the notice is about; a notice with actions stays until used or dismissed. */
  actions?: NoticeAction[];
  /** The trainer scenario loaded when it came (null: none); it goes when another one is loaded. */
  scenario: string | null;
}

export interface NoticeAction {
  label: string;
  testId: string;
  run(): void;
}

export interface SessionState {
  connection: 'connecting' | 'open' | 'closed';
  session: SessionInfo | null;
  sim: SimStatus | null;
  alarms: Alarm[];
  notices: Notice[];
  /** Last rejected asset file, shown until dismissed. */
  assetError: { fileName: string; problems: AssetProblem[] } | null;
  /** A file being sent to the backend in chunks (an asset's GLB), in bytes. */
  upload: { fileName: string; sent: number; total: number } | null;
}

export const createSessionStore = () =>
  createStore<SessionState>(() => ({
    connection: 'connecting',
    session: null,
    sim: null,
    alarms: [],
    notices: [],
    assetError: null,
    upload: null,
  }));

export const sessionStore = createSessionStore();

let noticeId = 0;
let noticeScenario: string | null = null;

export function pushNotice(level: Notice['level'], message: string, actions?: NoticeAction[]): void {
  const notice: Notice = {
    id: ++noticeId,
    level,
    message,
    scenario: noticeScenario,
    ...(actions ? { actions } : {}),
  };
  sessionStore.setState((s) => ({ notices: [...s.notices.slice(-4), notice] }));
}

/**
 * Another trainer scenario (or none) is loaded: the notices raised before it, an old error toast included,
 * are about what came before and go.
 */
export function noticesBelongTo(scenarioId: string | null): void {
  if (scenarioId === noticeScenario) return;
  noticeScenario = scenarioId;
  sessionStore.setState((s) => ({ notices: s.notices.filter((n) => n.scenario === scenarioId) }));
}

export function dismissNotice(id: number): void {
  sessionStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
