import nodePath from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { RecordedAlarm } from './store-types';
import type { AlarmState, TelemetryBatch } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { StoreReads } from '../queries/store-reads';
import type { StoreConnections } from './connections';
import { confineFileAccess } from './external-access';
import { HistoryLockedError, type StoreProblem } from './integrity';
import { openPaths, openRecovering } from './open-recovering';
import type { HistoryEventKind } from './schema';
import { setUpStore, type OpenedStore } from './set-up-store';
import { diskUsageOf } from './store-retention';
import {
  finiteInt,
  type AlarmTransition,
  type CommitInfo,
  type HistoryEvent,
  type HistoryStoreOptions,
  type PlayheadState,
  type RecordingState,
  type RetentionResult,
  type WindowQuery,
  type WindowResult,
} from './store-types';
import type { StoreWrites } from './store-writes';

/**
 * The history of one workspace: one DuckDB file holding a wide samples table per asset, events and
 * alarm transitions. One writer per file; samples are buffered and committed every flushIntervalMs.
 */
export class HistoryStore {
  readonly path: string;
  readonly asset: AssetDefinition;
  /** What was found wrong with the file at start-up, and what was done about it. */
  readonly problems: StoreProblem[];
  /** The writer and reader connections and table names, for the parts that read or write the file directly. */
  readonly connections: StoreConnections;
  /** The serial write queue: parts that write directly (import, snapshots) queue their work here. */
  readonly writes: StoreWrites;
  private readonly reads: StoreReads;
  private readonly instance: DuckDBInstance;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    path: string,
    opened: OpenedStore,
    private readonly options: HistoryStoreOptions,
  ) {
    this.path = path;
    this.asset = options.asset;
    this.problems = opened.problems;
    this.connections = opened.connections;
    this.writes = opened.writes;
    this.instance = opened.instance;
    const { writes } = opened;
    this.reads = new StoreReads({
      connections: opened.connections,
      asset: options.asset,
      rawFrom: () => writes.rawFrom,
      assertOpen: () => this.assertOpen(),
      rollupIsDirty: () => writes.rollup.isDirty,
      refreshDirtyRollup: () => writes.refreshDirtyRollup(),
    });
  }

  /** Opens (or creates) the store, setting aside a damaged file and reporting what was lost. */
  static async open(options: HistoryStoreOptions): Promise<HistoryStore> {
    const path = nodePath.resolve(options.path);
    if (openPaths.has(path)) throw new HistoryLockedError(path, 'already open in this process');
    openPaths.add(path);
    try {
      const opened = await openRecovering(path, (conn, problems) =>
        setUpStore(path, conn, problems, options),
      );
      if (options.allowedDirectories)
        await confineFileAccess(opened.connections.writer, [
          nodePath.dirname(path),
          ...options.allowedDirectories,
        ]);
      const store = new HistoryStore(path, opened, options);
      store.startTimer();
      return store;
    } catch (e) {
      openPaths.delete(path);
      throw e;
    }
  }

  private startTimer(): void {
    const ms = this.options.flushIntervalMs ?? 1000;
    this.timer = setInterval(() => {
      this.flush().catch((e: unknown) => this.options.onError?.(e as Error));
    }, ms);
    this.timer.unref();
  }

  // ---------------------------------------------------------------- writing

  /** Buffers a batch; it is stored once the next commit (timer or flush()) completes. Do not mutate it afterwards. */
  append(batch: TelemetryBatch): void {
    this.assertOpen();
    this.writes.append(batch);
  }

  appendEvent(event: { ts: number; kind: HistoryEventKind; payload?: unknown }): void {
    this.assertOpen();
    this.writes.appendEvent(event);
  }

  /** Records one alarm state change (from null/'normal' when raised, to 'normal' when cleared). */
  appendAlarmTransition(
    ts: number,
    alarm: RecordedAlarm,
    from: AlarmState | 'normal' | null,
    to: AlarmState | 'normal',
  ): void {
    this.assertOpen();
    this.writes.appendAlarmTransition(ts, alarm, from, to);
  }

  /**
   * Removes samples, events and alarm transitions at or after ts, after committing what is buffered:
   * for a source whose clock went back (simulator reset or restart), whose new samples would otherwise
   * interleave with the earlier run's. Returns the number of sample rows removed.
   */
  supersedeFrom(ts: number): Promise<number> {
    const t = finiteInt('ts', ts);
    return this.writes.serial(async () => {
      this.assertOpen();
      return this.writes.deleteFrom(t);
    });
  }

  /** Commits everything buffered; resolves when it is durable. */
  flush(): Promise<CommitInfo | null> {
    return this.writes.flush();
  }

  /** Runs fn after everything queued before it (flushes, imports, retention). */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.writes.serial(fn);
  }

  // ---------------------------------------------------------------- reading

  queryWindow(q: WindowQuery): Promise<WindowResult> {
    return this.reads.queryWindow(q);
  }

  /** State at the playhead: per tag the last non-missing sample at or before ts (within lookBackMs). */
  valuesAt(
    ts: number,
    options: { tagIds?: readonly string[]; lookBackMs?: number } = {},
  ): Promise<PlayheadState> {
    return this.reads.valuesAt(ts, options);
  }

  /** Events (and, unless excluded, alarm transitions) with from ≤ ts ≤ to, in time order. */
  events(
    from: number,
    to: number,
    options: { kinds?: readonly HistoryEventKind[]; includeAlarms?: boolean; limit?: number } = {},
  ): Promise<HistoryEvent[]> {
    return this.reads.events(from, to, options);
  }

  /** The first event strictly after (forward) or before (backward) ts, or null. */
  nextEvent(
    ts: number,
    direction: 'forward' | 'backward',
    options: { kinds?: readonly HistoryEventKind[]; includeAlarms?: boolean } = {},
  ): Promise<HistoryEvent | null> {
    return this.reads.nextEvent(ts, direction, options);
  }

  /** Alarm transitions with from ≤ ts ≤ to. */
  alarmTransitions(from: number, to: number): Promise<AlarmTransition[]> {
    return this.reads.alarmTransitions(from, to);
  }

  /** Committed sample time span (raw and rolled-up), or null when empty. */
  timeRange(): Promise<{ from: number; to: number } | null> {
    return this.reads.timeRange();
  }

  /** Committed row count of the raw samples table. */
  sampleCount(): Promise<number> {
    return this.reads.sampleCount();
  }

  // ---------------------------------------------------------------- maintenance

  /**
   * Keeps `rawDays` of raw samples before `now` (default: the newest sample); older minutes remain as
   * their 1-minute rollups (kept at every commit), or with `rollup: false` are deleted entirely.
   */
  applyRetention(options: { rawDays: number; now?: number; rollup?: boolean }): Promise<RetentionResult> {
    return this.writes.serial(async () => {
      this.assertOpen();
      return this.writes.applyRetention(options);
    });
  }

  /** Bytes on disk: database plus write-ahead log. */
  diskUsage(): { bytes: number; databaseBytes: number; walBytes: number } {
    return diskUsageOf(this.path);
  }

  /** Folds the WAL into the database file. */
  checkpoint(): Promise<void> {
    return this.writes.serial(() => this.writes.checkpoint());
  }

  /** Commits what is buffered, checkpoints and releases the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    try {
      await this.writes.finish();
    } finally {
      this.closed = true;
      this.connections.reader.closeSync();
      this.connections.writer.closeSync();
      this.instance.closeSync();
      openPaths.delete(this.path);
    }
  }

  /** Whether commits are reaching the disk, and how many live samples were dropped while they failed. */
  get recording(): RecordingState {
    return this.writes.recording;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`history store "${this.path}" is closed`);
  }
}
