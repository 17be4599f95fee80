import nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Alarm, AlarmState, TelemetryBatch } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { SampleChunkWriter } from './chunk-writer';
import { HistoryLockedError, writeCommitMark, type CommitMark, type StoreProblem } from './integrity';
import { MINUTE_MS, refreshRollup } from './rollup';
import { assetTables, type HistoryEventKind } from './schema';
import {
  openPaths,
  openRecovering,
  prepareConnection,
  prepareLayout,
  prepareRollup,
  readCommitState,
  rollupCatchUpFrom,
  type Connection,
  type Initialised,
} from './store-open';
import type * as queries from '../queries/store-queries';
import {
  appendAlarmRows,
  appendEventRows,
  alarmTransition,
  batchSpan,
  pendingEvent,
  PendingWrites,
} from './store-commit';
import { HistoryStoreReads } from '../queries/store-reads';
import { DirtyRollup } from './store-rollup';
import { deleteFrom, deleteRawBefore, diskUsageOf, lastSampleTs, retentionCutoff } from './store-retention';
import { finiteInt, type CommitInfo, type HistoryStoreOptions, type RetentionResult } from './store-types';

/**
 * The history of one workspace: one DuckDB file holding a wide samples table per asset, events and
 * alarm transitions. One writer per file; samples are buffered and committed every flushIntervalMs.
 */
export class HistoryStore extends HistoryStoreReads {
  readonly path: string;
  readonly asset: AssetDefinition;
  /** What was found wrong with the file at start-up, and what was done about it. */
  readonly problems: StoreProblem[];
  private readonly tables: { samples: string; rollup: string };
  private readonly tagIndex: Map<string, number>;
  private chunkWriter: SampleChunkWriter | null = null;
  private sampleAppender: DuckDBAppender | null = null;
  private readonly pending = new PendingWrites();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private seq = 0;
  private lastTs: number | null = null;
  /** Raw samples before this were removed by retention (only their 1-minute rollups remain). */
  private rawFrom = Number.NEGATIVE_INFINITY;
  private readonly rollupState: DirtyRollup;
  private closed = false;

  private constructor(
    path: string,
    asset: AssetDefinition,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    problems: StoreProblem[],
    private readonly options: HistoryStoreOptions,
  ) {
    super();
    this.path = path;
    this.asset = asset;
    this.problems = problems;
    this.tables = assetTables(asset.id);
    this.tagIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
    this.rollupState = new DirtyRollup(writer, asset, this.tables, () => this.rawFrom);
  }

  /** Opens (or creates) the store, setting aside a damaged file and reporting what was lost. */
  static async open(options: HistoryStoreOptions): Promise<HistoryStore> {
    const path = nodePath.resolve(options.path);
    if (openPaths.has(path)) throw new HistoryLockedError(path, 'already open in this process');
    openPaths.add(path);
    try {
      return await HistoryStore.openUnregistered(path, options);
    } catch (e) {
      openPaths.delete(path);
      throw e;
    }
  }

  private static async openUnregistered(path: string, options: HistoryStoreOptions): Promise<HistoryStore> {
    const store = await openRecovering(path, (conn, problems) =>
      HistoryStore.initialise(path, conn, problems, options),
    );
    store.startTimer();
    return store;
  }

  private static async initialise(
    path: string,
    conn: Connection,
    problems: StoreProblem[],
    options: HistoryStoreOptions,
  ): Promise<Initialised<HistoryStore>> {
    const { writer, instance } = conn;
    const reader = await prepareConnection(path, conn, options.asset);
    const store = new HistoryStore(path, options.asset, instance, writer, reader, problems, options);
    const layout = await prepareLayout(writer, store.asset, store.tables, store.tagIndex);
    store.chunkWriter = new SampleChunkWriter(layout);
    const state = await readCommitState(writer, store.tables);
    store.seq = state.seq;
    store.lastTs = state.lastTs;
    store.rawFrom = await prepareRollup(writer, store.asset, store.tables, state.lastRollupTs, store.rawFrom);
    // Rollups trail commits by a few seconds; after a crash, catch up from the last rolled minute.
    if (
      store.lastTs !== null &&
      (state.lastRollupTs === null || state.lastRollupTs + MINUTE_MS <= store.lastTs)
    ) {
      const from = await rollupCatchUpFrom(writer, store.tables, state.lastRollupTs, store.lastTs);
      store.rollupState.note(from, store.lastTs);
      await store.refreshDirtyRollup();
    }
    store.sampleAppender = await writer.createAppender(store.tables.samples);
    return { store, writer, seq: store.seq, lastTs: store.lastTs };
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
    this.pending.addBatch(this.asset, batch);
  }

  appendEvent(event: { ts: number; kind: HistoryEventKind; payload?: unknown }): void {
    this.assertOpen();
    this.pending.events.push(pendingEvent(event));
  }

  /** Records one alarm state change (from null/'normal' when raised, to 'normal' when cleared). */
  appendAlarmTransition(
    ts: number,
    alarm: Alarm,
    from: AlarmState | 'normal' | null,
    to: AlarmState | 'normal',
  ): void {
    this.assertOpen();
    this.pending.alarms.push(alarmTransition(ts, alarm, from, to));
  }

  /**
   * Removes samples, events and alarm transitions at or after ts, after committing what is buffered:
   * for a source whose clock went back (simulator reset or restart), whose new samples would otherwise
   * interleave with the earlier run's. Returns the number of sample rows removed.
   */
  supersedeFrom(ts: number): Promise<number> {
    const t = finiteInt('ts', ts);
    return this.serial(async () => {
      this.assertOpen();
      await this.commitPending();
      await this.rollupState.refreshTx();
      const seq = this.seq + 1;
      const deleted = await deleteFrom(this.writer, this.asset, this.tables, this.rawFrom, t, seq);
      this.seq = seq;
      this.lastTs = await lastSampleTs(this.writer, this.tables);
      writeCommitMark(this.path, { seq: this.seq, lastTs: this.lastTs });
      return deleted;
    });
  }

  /** Commits everything buffered; resolves when it is durable. */
  flush(): Promise<CommitInfo | null> {
    return this.serial(() => this.commitPending());
  }

  /** Runs fn after everything queued before it (flushes, imports, retention). */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Brings the 1-minute rollup up to date in its own transaction (serialised with commits). */
  protected refreshDirtyRollup(): Promise<void> {
    return this.serial(() => this.rollupState.refreshTx());
  }

  private async commitPending(): Promise<CommitInfo | null> {
    const taken = this.pending.take();
    if (!taken) return null;
    const { batches, events, alarms } = taken;
    const started = performance.now();
    let rows = 0;
    let firstTs: number | null = null;
    let lastTs = this.lastTs;
    await this.writer.run('BEGIN TRANSACTION');
    try {
      rows = this.appendSamples(batches);
      const span = batchSpan(batches, this.lastTs);
      firstTs = span.firstTs;
      lastTs = span.lastTs;
      if (span.firstTs !== null && span.maxTs !== null && lastTs !== null) {
        const maxTs = span.maxTs;
        this.rollupState.note(span.firstTs, maxTs);
        if (this.rollupState.due) await this.rollupState.refreshIn();
      }
      if (events.length > 0) await appendEventRows(this.writer, this.asset.id, events);
      if (alarms.length > 0) await appendAlarmRows(this.writer, this.asset.id, alarms);
      const seq = this.seq + 1;
      await this.writer.run(`UPDATE meta SET value = '${seq}' WHERE key = 'commit_seq'`);
      await this.writer.run('COMMIT');
      this.seq = seq;
      this.lastTs = lastTs;
    } catch (e) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      // Keep the data for the next attempt; the appender may hold a half-written chunk, so start a new one.
      this.pending.putBack(taken);
      try {
        this.sampleAppender?.closeSync();
      } catch {
        /* already broken */
      }
      this.sampleAppender = await this.writer.createAppender(this.tables.samples);
      throw e;
    }
    writeCommitMark(this.path, { seq: this.seq, lastTs: this.lastTs } satisfies CommitMark);
    const info: CommitInfo = {
      seq: this.seq,
      rows,
      events: events.length,
      alarms: alarms.length,
      firstTs,
      lastTs: rows > 0 ? lastTs : null,
      durationMs: performance.now() - started,
    };
    this.options.onCommit?.(info);
    return info;
  }

  /** Appends samples as data chunks of up to 2048 rows (DuckDB's vector size), one bulk copy per column. */
  private appendSamples(batches: TelemetryBatch[]): number {
    const appender = this.sampleAppender;
    if (!appender || !this.chunkWriter) throw new Error('history store is closed');
    const total = this.chunkWriter.append(appender, batches);
    if (total > 0) appender.flushSync();
    return total;
  }

  // ---------------------------------------------------------------- reading

  protected get rollupIsDirty(): boolean {
    return this.rollupState.isDirty;
  }

  protected queryContext(): queries.QueryContext {
    return {
      reader: this.reader,
      asset: this.asset,
      tables: this.tables,
      tagIndex: this.tagIndex,
      rawFrom: this.rawFrom,
    };
  }

  // ---------------------------------------------------------------- maintenance

  /**
   * Keeps `rawDays` of raw samples before `now` (default: the newest sample); older minutes remain as
   * their 1-minute rollups (kept at every commit), or with `rollup: false` are deleted entirely.
   */
  applyRetention(options: { rawDays: number; now?: number; rollup?: boolean }): Promise<RetentionResult> {
    return this.serial(async () => {
      this.assertOpen();
      await this.commitPending();
      await this.rollupState.refreshTx();
      const now = options.now ?? this.lastTs;
      if (now === null) return { cutoff: Number.NaN, rolledUpMinutes: 0, deletedRows: 0 };
      const cutoff = retentionCutoff(now, options.rawDays);
      const r = await deleteRawBefore(
        this.writer,
        this.tables,
        this.rawFrom,
        cutoff,
        options.rollup !== false,
      );
      this.rawFrom = r.rawFrom;
      return { cutoff, rolledUpMinutes: r.rolledUpMinutes, deletedRows: r.deletedRows };
    });
  }

  /** Bytes on disk: database plus write-ahead log. */
  diskUsage(): { bytes: number; databaseBytes: number; walBytes: number } {
    return diskUsageOf(this.path);
  }

  /** Folds the WAL into the database file. */
  checkpoint(): Promise<void> {
    return this.serial(async () => {
      await this.commitPending();
      await this.writer.run('CHECKPOINT');
    });
  }

  /** Commits what is buffered, checkpoints and releases the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    try {
      await this.flush();
      await this.refreshDirtyRollup();
      await this.serial(async () => {
        this.sampleAppender?.closeSync();
        this.sampleAppender = null;
        await this.writer.run('CHECKPOINT');
      });
    } finally {
      this.closed = true;
      this.reader.closeSync();
      this.writer.closeSync();
      this.instance.closeSync();
      openPaths.delete(this.path);
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** @internal For import/export: the table names, the writer connection (inside serial()) and the reader. */
  internals(): {
    tables: { samples: string; rollup: string };
    writer: DuckDBConnection;
    reader: DuckDBConnection;
    commitPending: () => Promise<CommitInfo | null>;
    noteImported: (maxTs: number | null) => void;
    refreshRollup: (fromTs: number, toTs: number) => Promise<void>;
  } {
    return {
      tables: this.tables,
      writer: this.writer,
      reader: this.reader,
      commitPending: () => this.commitPending(),
      refreshRollup: (fromTs, toTs) =>
        refreshRollup(this.writer, this.asset, this.tables, fromTs, toTs, this.rawFrom),
      noteImported: (maxTs) => {
        if (maxTs !== null) this.lastTs = this.lastTs === null ? maxTs : Math.max(this.lastTs, maxTs);
      },
    };
  }

  protected assertOpen(): void {
    if (this.closed) throw new Error(`history store "${this.path}" is closed`);
  }
}
