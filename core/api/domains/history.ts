// History part of the TwinApi: request schemas, method signatures and pushed events.
// Each method listed in historyRequestSchemas must appear in HistoryApi with the same name.
import { z } from 'zod';
import type { PredictiveAlarm } from '../../alarms/predictive-alarm';
import type { Alarm } from '../../alarms/types';
import type { HistoryEventItem, HistoryWindow } from '../../history/types';
import type { Phrase } from '../../text/phrase';
import { isLanguage, type Language } from '../languages';

export type { HistoryEventItem, HistoryEventKind, HistorySeries, HistoryWindow } from '../../history/types';

/** Simulated time, ms since the Unix epoch (UTC). */
const time = z.number().int('must be whole milliseconds').min(0).max(8.64e15);
const tagId = z.string().min(1).max(64);
/** A file on the machine that runs the backend (in web mode: the server, not the browser's machine). */
const filePath = z.string().min(1).max(4096);
const importId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "-" or "_"');
const fromBeforeTo = (r: { from: number; to: number }) => r.from < r.to;
const fromBeforeToIssue = { message: 'from must be before to', path: ['to'] };

export const historyRequestSchemas = {
  historyInfo: z.object({}).strict(),
  historyWindow: z
    .object({
      from: time,
      to: time,
      /** Default: every tag of the asset. */
      tagIds: z.array(tagId).min(1).max(64).optional(),
      /** Pixel columns of the chart: 1 to 4,000. */
      buckets: z.number().int().min(1).max(4000),
    })
    .strict()
    .refine(fromBeforeTo, fromBeforeToIssue),
  historyAt: z.object({ t: time }).strict(),
  historyEvents: z
    .object({ from: time, to: time, limit: z.number().int().min(1).max(10_000).optional() })
    .strict()
    .refine(fromBeforeTo, fromBeforeToIssue),
  historyNextEvent: z.object({ t: time, direction: z.enum(['forward', 'backward']) }).strict(),
  addBookmark: z
    .object({ t: time, note: z.string().trim().min(1, 'a bookmark needs a note').max(500) })
    .strict(),
  setRetention: z.object({ rawDays: z.number().int('must be whole days').min(1).max(36_500) }).strict(),
  /** Samples resampled onto `steps` times `stepMs` apart ending at `to` (the health model's input window). */
  historyGrid: z
    .object({
      to: time,
      steps: z.number().int().min(1).max(1440),
      stepMs: z.number().int().min(1000).max(3_600_000),
      /** Default: every tag of the asset. */
      tagIds: z.array(tagId).min(1).max(256).optional(),
    })
    .strict(),
  previewImport: z.object({ path: filePath }).strict(),
  importHistory: z
    .object({
      path: filePath,
      /** Chosen by the caller to match `history-import-progress` events and `cancelImport`; made up when absent. */
      importId: importId.optional(),
      format: z.enum(['csv', 'parquet']).optional(),
      timestampColumn: z.string().min(1).max(256),
      timestampFormat: z.enum(['iso', 'epoch-s', 'epoch-ms']),
      /** File column → tag id. */
      columns: z.record(z.string().min(1).max(256), tagId),
      delimiter: z.string().min(1).max(4).optional(),
    })
    .strict(),
  cancelImport: z.object({ importId }).strict(),
  exportHistory: z
    .object({
      path: filePath,
      from: time,
      to: time,
      tagIds: z.array(tagId).min(1).max(256).optional(),
      format: z.enum(['csv', 'parquet']).optional(),
      includeQuality: z.boolean().optional(),
      /** Replace an existing file; without it an export onto an existing file is refused. */
      overwrite: z.boolean().optional(),
      /** The language of the CSV's header line for people (default English); the ids line never changes. */
      language: z
        .custom<Language>(isLanguage, 'must be a language the app ships ("en" or "zh-CN")')
        .optional(),
    })
    .strict()
    .refine(fromBeforeTo, fromBeforeToIssue),
} as const;

export type HistoryWindowRequest = z.input<(typeof historyRequestSchemas)['historyWindow']>;
export type ImportHistoryRequest = z.input<(typeof historyRequestSchemas)['importHistory']>;
export type HistoryGridRequest = z.input<(typeof historyRequestSchemas)['historyGrid']>;
export type ExportHistoryRequest = z.input<(typeof historyRequestSchemas)['exportHistory']>;

export interface HistoryProblem {
  kind: string;
  message: string;
  /** The message as a code and values, for the renderer's language; absent from older backends. */
  phrase?: Phrase;
  /** Where a damaged file was set aside. */
  movedTo?: string[];
}

export interface HistoryInfo {
  /** False when the store could not be opened; the app runs without history (see problems). */
  available: boolean;
  path: string | null;
  /** Stored sample span; null when nothing is stored yet. */
  from: number | null;
  to: number | null;
  /** Database plus write-ahead log. */
  bytes: number;
  sampleCount: number;
  problems: HistoryProblem[];
  /** Raw samples older than this are folded into 1-minute rollups. */
  retentionDays: number;
  /**
   * Web mode: the only folder imports are read from and exports written to (a bare file name lands there);
   * null on the desktop, where any path picked in a dialog is accepted.
   */
  exchangeDir: string | null;
  /** Whether live samples are being stored, and how many were dropped while the disk failed. */
  recording: HistoryRecording;
}

export interface HistoryRecording {
  /** Why recording is paused (the last commit's error), or null while commits succeed. */
  pausedReason: string | null;
  /** Live samples dropped since the store opened: the buffer kept only the newest while commits failed. */
  samplesNotStored: number;
  /** Samples waiting for the next commit. */
  pendingSamples: number;
}

export interface HistoryAt {
  t: number;
  /** In asset tag order; null where no sample lies within the hour before t. */
  values: (number | null)[];
  quality: number[];
  /** Newest sample time used, or null when nothing was stored before t. */
  sampleTime: number | null;
  /** Alarms standing at t, rebuilt from the recorded alarm transitions. */
  alarms: Alarm[];
  /**
   * The normal-behaviour model's predictive alarm standing at t, as the backend recorded it live; null when
   * none stood (or nothing scored those rows live, e.g. imported history).
   */
  predictive: PredictiveAlarm | null;
}

/**
 * Samples on a regular grid: row r is at time `to − (steps − 1 − r) × stepMs` and holds, per tag, the newest
 * stored value in (that time − stepMs, that time], or null when there is none.
 */
export interface HistoryGrid {
  to: number;
  stepMs: number;
  tagIds: string[];
  /** values[j][r]: tag j at grid row r. */
  values: (number | null)[][];
  /**
   * Setpoint of each control at each grid row, rebuilt from the recorded setpoint changes; null where no
   * change was recorded on either side of that time (the caller falls back to the current setpoint).
   */
  setpoints: Record<string, (number | null)[]>;
}

export type ImportPhase = 'reading' | 'merging' | 'done';

export interface ImportPreview {
  file: string;
  format: 'csv' | 'parquet';
  columns: { name: string; type: string }[];
  /** First rows as text. */
  rows: (string | null)[][];
  /** CSV only: the delimiter most lines use (or the one given). */
  delimiter?: string;
  hasHeader?: boolean;
}

export interface ImportReport {
  file: string;
  format: 'csv' | 'parquet';
  /** Rows with a usable timestamp. */
  rowsAccepted: number;
  /** Rows after collapsing duplicate timestamps (the last one in the file wins). */
  rowsImported: number;
  rowsInserted: number;
  /** Rows whose timestamp was already stored: their mapped tags were overwritten (last write wins). */
  rowsUpdated: number;
  duplicateTimestamps: number;
  /**
   * Line in the file (1 = a CSV's header line; for Parquet, the 1-based row number), and the raw line when
   * the reader kept it.
   */
  rejected: { line: number; column: string | null; reason: string; text: string | null }[];
  /** Rows rejected in all; only the first 1,000 (by line) are listed in `rejected`. */
  rejectedCount: number;
  from: number | null;
  to: number | null;
}

export interface HistoryApi {
  /** Where the store is, what span it holds, its size and any start-up problems. */
  historyInfo(req: Record<string, never>): Promise<HistoryInfo>;
  /** Samples over [from, to) downsampled in the store: min, max, first, last per bucket. */
  historyWindow(req: HistoryWindowRequest): Promise<HistoryWindow>;
  /** Values, quality and standing alarms at a moment (the replay playhead). */
  historyAt(req: { t: number }): Promise<HistoryAt>;
  /** Alarm transitions, fault injections, control changes, acknowledgements and bookmarks in [from, to]. */
  historyEvents(req: { from: number; to: number; limit?: number }): Promise<HistoryEventItem[]>;
  /** The first event strictly after (forward) or before (backward) t. */
  historyNextEvent(req: { t: number; direction: 'forward' | 'backward' }): Promise<HistoryEventItem | null>;
  /** Stores a bookmark with a note at t. */
  addBookmark(req: { t: number; note: string }): Promise<HistoryEventItem>;
  /** Keeps raw samples for rawDays (older ones stay as 1-minute rollups); saved across restarts, applied now. */
  setRetention(req: { rawDays: number }): Promise<{ retentionDays: number; deletedRows: number }>;
  /** Columns, types and first rows of a CSV or Parquet file on the backend's machine. */
  previewImport(req: { path: string }): Promise<ImportPreview>;
  /** The health model's input window ending at a moment: samples resampled in the store, and setpoints. */
  historyGrid(req: HistoryGridRequest): Promise<HistoryGrid>;
  /**
   * Imports a CSV or Parquet file on the backend's machine; returns the report with rejected rows. Pushes
   * `history-import-progress` events while it runs; rejects with "Import cancelled…" after `cancelImport`.
   */
  importHistory(req: ImportHistoryRequest): Promise<ImportReport>;
  /**
   * Stops a running import. Cancelled means nothing of it was stored: the merge is one transaction, rolled back.
   * `cancelled: false` when the import is unknown, already done, or already committing.
   */
  cancelImport(req: { importId: string }): Promise<{ cancelled: boolean; reason?: string }>;
  /** Writes a time range to a CSV or Parquet file on the backend's machine. */
  exportHistory(req: ExportHistoryRequest): Promise<{ path: string; rows: number }>;
}

/** Events the backend pushes for this domain. */
export type HistoryEvent =
  | {
      type: 'history-range';
      assetId: string;
      /** Stored span after the latest commit. */
      from: number;
      to: number;
      /** Events or alarm transitions in that commit (markers to refresh). */
      newEvents: number;
    }
  | {
      /** At most about 10 a second per import, plus one at each change of phase. */
      type: 'history-import-progress';
      importId: string;
      phase: ImportPhase;
      /** 0…1 of the whole import (reading the file is 0…0.3, merging into the store 0.3…1). */
      fraction: number;
      /** File rows read so far (reading) or rows staged for the merge (merging), when known. */
      rows: number | null;
      /** Once the merge commits the import can no longer be cancelled. */
      cancellable: boolean;
    };
