import type { SessionState } from './session-store';

/** Tooltip of every plant-changing control in a viewer session. */
export const VIEWER_ONLY_REASON =
  'Viewer session: changing the plant needs the operator address (the one the server printed first).';

/** True when this session may only look (web mode opened with the viewer token). */
export const isViewerSession = (s: SessionState): boolean => s.session?.role === 'viewer';
