export { HistoryStore } from './history-store';
export type {
  AlarmTransition,
  CommitInfo,
  HistoryEvent,
  HistoryStoreOptions,
  PlayheadState,
  RetentionResult,
  WindowQuery,
  WindowResult,
  WindowSeries,
} from './store-types';
export { HistoryLockedError } from './integrity';
export type { StoreProblem, StoreProblemKind } from './integrity';
export { previewImport } from './import-preview';
export { importFile } from './import-file';
export { exportRange } from './export-range';
export type {
  ExportOptions,
  ImportFormat,
  ImportMapping,
  ImportOptions,
  ImportProgress,
  RejectedRow,
  TimestampFormat,
} from './import-source';
export type { ImportPreview, ImportReport } from '../../../core/api/domains/history';
export { EVENT_KINDS } from './schema';
export type { HistoryEventKind } from './schema';
export { SnapshotLog, snapshotAtOrBefore, snapshotStats } from './snapshots';
export type { StoredSnapshot } from './snapshots';
export { MAX_REPLAY_MS, simulatorStateAt } from './snapshot-fork';
export type { SimulatorStateAt } from './snapshot-fork';
