export { HistoryStore } from './store/history-store';
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
} from './store/store-types';
export { HistoryLockedError } from './store/integrity';
export type { StoreProblem, StoreProblemKind } from './store/integrity';
export { previewImport } from './import/import-preview';
export { importFile } from './import/import-file';
export { exportRange } from './queries/export-range';
export type {
  ExportOptions,
  ImportFormat,
  ImportMapping,
  ImportOptions,
  ImportProgress,
  RejectedRow,
  TimestampFormat,
} from './import/import-source';
export type { ImportPreview, ImportReport } from '../../../core/api/domains/history';
export { EVENT_KINDS } from './store/schema';
export type { HistoryEventKind } from './store/schema';
export { SnapshotLog, snapshotAtOrBefore, snapshotStats } from './snapshots/snapshots';
export type { StoredSnapshot } from './snapshots/snapshots';
export { MAX_REPLAY_MS, simulatorStateAt } from './snapshots/snapshot-fork';
export type { SimulatorStateAt } from './snapshots/snapshot-fork';
