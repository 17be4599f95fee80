// History runs part of the TwinApi: the stores of sandbox runs (trainer scenarios, recorded drills) and of
// archived history, kept apart from the plant's history, listed, opened and deleted from History….
import { z } from 'zod';

/** A run's id: also its store's file name (see electron/services/sandbox-run.ts). */
const runId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'not a run id');
/** The bare file name of an archive beside the plant's store (`<asset>.replaced-<stamp>.parquet`). */
const archiveFile = z
  .string()
  .regex(/^[A-Za-z0-9_-]+\.replaced-[A-Za-z0-9_-]+\.parquet$/, 'not an archive file name');

export const historyRunsRequestSchemas = {
  historyRuns: z.object({}).strict(),
  /** Shows a run's history in the timeline and History…; null goes back to the plant's. */
  historyView: z.object({ runId: runId.nullable() }).strict(),
  historyDeleteRun: z.object({ runId }).strict(),
  /** Opens an archive file as a run of its own (imported once, then listed with the runs). */
  historyOpenArchive: z.object({ file: archiveFile }).strict(),
  historyDeleteArchive: z.object({ file: archiveFile }).strict(),
  /** Runs older than this many days are deleted (the plant's history is never touched). */
  setRunRetention: z.object({ days: z.number().int('must be whole days').min(1).max(3650) }).strict(),
} as const;

export type HistoryRunKind = 'scenario' | 'recording' | 'archive';

export interface HistoryRunInfo {
  id: string;
  kind: HistoryRunKind;
  title: string;
  /** Wall time the run started (or the archive was opened), ms since the Unix epoch. */
  createdAt: number;
  /** Stored sample span and count, as of the run's last close; null while unknown. */
  from: number | null;
  to: number | null;
  samples: number | null;
  /** Database plus write-ahead log. */
  bytes: number;
  /** The simulator plays this run now: it is still being recorded and cannot be deleted. */
  recording: boolean;
  /** For an opened archive: the archive file it came from. */
  source: string | null;
}

export interface HistoryArchiveInfo {
  /** Bare file name, beside the plant's store. */
  file: string;
  bytes: number;
  modifiedAt: number;
  /** The run it was opened as, if it was. */
  openedAs: string | null;
}

export interface HistoryRuns {
  /** The run whose history the timeline and History… show; null for the plant's. */
  viewing: string | null;
  /** The run the simulator plays now, or null while it plays the plant. */
  recording: string | null;
  runs: HistoryRunInfo[];
  archives: HistoryArchiveInfo[];
  retentionDays: number;
  /** Where the runs' stores are. */
  folder: string;
}

export interface HistoryRunsApi {
  /** The runs and archives of the loaded asset, newest first, and which one is shown. */
  historyRuns(req: Record<string, never>): Promise<HistoryRuns>;
  /** Shows a run's history (or, with null, the plant's) in the timeline, replay and History…. */
  historyView(req: { runId: string | null }): Promise<HistoryRuns>;
  /** Deletes a run's store; the run the simulator plays cannot be deleted. */
  historyDeleteRun(req: { runId: string }): Promise<HistoryRuns>;
  /** Imports an archive file into a run of its own and shows it. */
  historyOpenArchive(req: { file: string }): Promise<HistoryRuns>;
  historyDeleteArchive(req: { file: string }): Promise<HistoryRuns>;
  setRunRetention(req: { days: number }): Promise<HistoryRuns>;
}

/** Pushed when the history shown changes (a run starts or ends, or the user opens one). */
export type HistoryRunsEvent = {
  type: 'history-view';
  assetId: string;
  /** null: the plant's history. */
  runId: string | null;
  title: string | null;
};
