export { previewImport } from './import-preview';
export { importFile } from './import-file';
export { exportRange } from './export-range';
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
} from './import-source';
