import type { Alarm, AlarmState } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import type { HistoryEventKind } from './schema';

export interface HistoryStoreOptions {
  /** The workspace's DuckDB file. */
  path: string;
  asset: AssetDefinition;
  /** Buffered samples are committed this often (ms). */
  flushIntervalMs?: number;
  /** Called after every commit: what it made durable. */
  onCommit?: (info: CommitInfo) => void;
  /** Called when a timer-driven flush fails (the data stays buffered and is retried). */
  onError?: (error: Error) => void;
  /**
   * Folders SQL may read and write besides the store's own (web mode: the exchange folder); absent, DuckDB's
   * file access is left open (desktop: any file the user picked).
   */
  allowedDirectories?: readonly string[];
  /** Called when commits start failing (recording paused) and when they succeed again (resumed). */
  onRecordingChange?: (state: RecordingState) => void;
  /** Samples buffered at most while commits fail; the oldest beyond it are dropped and counted. */
  maxPendingSamples?: number;
  /** Runs inside each commit's transaction just before COMMIT; throwing fails the commit (tests: a failing disk). */
  beforeCommit?: () => void | Promise<void>;
}

/** Whether live samples are reaching the disk. */
export interface RecordingState {
  /** The last commit's error while commits fail; null while they succeed. */
  pausedReason: string | null;
  /** Samples dropped from the bounded buffer since the store opened. */
  samplesNotStored: number;
  /** Samples waiting for the next commit. */
  pendingSamples: number;
}

export interface CommitInfo {
  seq: number;
  rows: number;
  events: number;
  alarms: number;
  /** Sample times committed, ms since epoch (null when no samples). */
  firstTs: number | null;
  lastTs: number | null;
  durationMs: number;
}

export interface WindowQuery {
  from: number;
  to: number;
  /** Defaults to every tag of the asset. */
  tagIds?: readonly string[];
  buckets: number;
  /** Worst quality per bucket (default true); NaN-free zeros when false. */
  withQuality?: boolean;
  /** First and last value per bucket (default true); NaN when false. */
  withFirstLast?: boolean;
  /** 'raw' ignores the 1-minute rollup (for checks); default 'auto'. */
  source?: 'auto' | 'raw';
}

/** M4 aggregates of one tag; NaN where the bucket has no value. */
export interface WindowSeries {
  tagId: string;
  min: Float32Array;
  max: Float32Array;
  first: Float32Array;
  last: Float32Array;
  /** Worst quality code in the bucket. */
  quality: Uint8Array;
}

export interface WindowResult {
  from: number;
  to: number;
  bucketMs: number;
  /** Start time of each non-empty bucket, ms since epoch. */
  t: Float64Array;
  /** First and last sample time in each bucket. */
  tFirst: Float64Array;
  tLast: Float64Array;
  series: WindowSeries[];
  /** Whether 1-minute rollups contributed (windows whose buckets are a minute or longer). */
  usedRollup: boolean;
}

export interface PlayheadState {
  ts: number;
  tagIds: string[];
  /** Last value at or before ts per tag (NaN when none within the look-back). */
  values: Float32Array;
  quality: Uint8Array;
  /** Time of that sample (NaN when none). */
  sampleTs: Float64Array;
}

export interface HistoryEvent {
  ts: number;
  kind: HistoryEventKind | 'alarm';
  payload: unknown;
}

/** What a recorded alarm transition reads of an alarm: a limit alarm, or the predictive alarm (kind 'predictive'). */
export type RecordedAlarm =
  Alarm | (Pick<Alarm, 'id' | 'tagId' | 'priority' | 'value' | 'message'> & { kind: 'predictive' });

export interface AlarmTransition {
  ts: number;
  alarmId: string;
  tagId: string;
  kind: string;
  priority: string;
  from: AlarmState | 'normal' | null;
  to: AlarmState | 'normal';
  value: number | null;
  message: string;
}

export interface RetentionResult {
  cutoff: number;
  rolledUpMinutes: number;
  deletedRows: number;
}

export function finiteInt(name: string, v: number): number {
  if (!Number.isFinite(v)) throw new Error(`${name} must be a finite number, got ${v}`);
  return Math.floor(v);
}

export function toNumber(v: unknown): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  return Number.NaN;
}
