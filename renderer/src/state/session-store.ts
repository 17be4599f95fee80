import { createStore } from 'zustand/vanilla';
import type { Alarm, SessionInfo, SimStatus } from '../../../core/api/types';
import type { AssetProblem } from '../../../core/asset/parse';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
  /** Buttons that resolve what the notice is about; a notice with actions stays until used or dismissed. */
  actions?: NoticeAction[];
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
export function pushNotice(level: Notice['level'], message: string, actions?: NoticeAction[]): void {
  const notice: Notice = { id: ++noticeId, level, message, ...(actions ? { actions } : {}) };
  sessionStore.setState((s) => ({ notices: [...s.notices.slice(-4), notice] }));
}

export function dismissNotice(id: number): void {
  sessionStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
