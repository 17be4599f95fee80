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
} from './history-store';
export { HistoryLockedError } from './integrity';
export type { StoreProblem, StoreProblemKind } from './integrity';
export { exportRange, importFile, previewImport } from './import-export';
export type {
  ExportOptions,
  ImportFormat,
  ImportMapping,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  ImportReport,
  RejectedRow,
  TimestampFormat,
} from './import-export';
export { EVENT_KINDS } from './schema';
export type { HistoryEventKind } from './schema';
export { SnapshotLog, snapshotAtOrBefore, snapshotStats } from './snapshots';
export type { StoredSnapshot } from './snapshots';
export { MAX_REPLAY_MS, simulatorStateAt } from './snapshot-fork';
export type { SimulatorStateAt } from './snapshot-fork';
