import { performance } from 'node:perf_hooks';
import type { DuckDBAppender } from '@duckdb/node-api';
import type { AlarmState, TelemetryBatch } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import type { SampleChunkWriter } from './chunk-writer';
import type { StoreConnections } from './connections';
import { writeCommitMark } from './integrity';
import { refreshRollup } from './rollup';
import type { HistoryEventKind } from './schema';
import { appendAlarmRows, appendEventRows, alarmTransition, batchSpan, pendingEvent } from './store-commit';
import { PendingWrites } from './pending-writes';
import { deleteFrom, deleteRawBefore, lastSampleTs, retentionCutoff } from './store-retention';
import { DirtyRollup } from './store-rollup';
import type {
  CommitInfo,
  HistoryStoreOptions,
  RecordingState,
  RetentionResult,
  RecordedAlarm,
} from './store-types';

/** Where the store's commits stand when it opens. */
export interface CommitState {
  seq: number;
  lastTs: number | null;
  /** Raw samples before this were removed by retention (only their 1-minute rollups remain). */
  rawFrom: number;
}

/**
 * The write side of an open store: buffers samples, events and alarm transitions, commits them on the writer
 * connection, keeps the 1-minute rollup and the commit counter, and runs every write in one serial queue.
 */
export class StoreWrites {
  private readonly pending: PendingWrites;
  /** Why the last commit failed; null while commits succeed. */
  private pausedReason: string | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Jobs that run partly outside the queue (imports staging a file); close waits for them. */
  private readonly outside = new Set<Promise<unknown>>();
  private sampleAppender: DuckDBAppender | null = null;
  private seq: number;
  private lastTs: number | null;
  private rawFromTs: number;
  readonly rollup: DirtyRollup;

  constructor(
    private readonly path: string,
    private readonly asset: AssetDefinition,
    private readonly connections: StoreConnections,
    private readonly chunkWriter: SampleChunkWriter,
    state: CommitState,
    private readonly options: Pick<
      HistoryStoreOptions,
      'onCommit' | 'onRecordingChange' | 'maxPendingSamples' | 'beforeCommit'
    >,
  ) {
    this.pending = new PendingWrites(options.maxPendingSamples);
    this.seq = state.seq;
    this.lastTs = state.lastTs;
    this.rawFromTs = state.rawFrom;
    this.rollup = new DirtyRollup(connections.writer, asset, connections.tables, () => this.rawFromTs);
  }

  /** Raw samples before this were removed by retention. */
  get rawFrom(): number {
    return this.rawFromTs;
  }

  /** Whether commits are failing, and what the bounded buffer dropped meanwhile. */
  get recording(): RecordingState {
    return {
      pausedReason: this.pausedReason,
      samplesNotStored: this.pending.droppedSamples,
      pendingSamples: this.pending.sampleCount,
    };
  }

  /** Opens the appender commits write samples through. */
  async openAppender(): Promise<void> {
    this.sampleAppender = await this.connections.writer.createAppender(this.connections.tables.samples);
  }

  append(batch: TelemetryBatch): void {
    this.pending.addBatch(this.asset, batch);
  }

  appendEvent(event: { ts: number; kind: HistoryEventKind; payload?: unknown }): void {
    this.pending.addEvent(pendingEvent(event));
  }

  appendAlarmTransition(
    ts: number,
    alarm: RecordedAlarm,
    from: AlarmState | 'normal' | null,
    to: AlarmState | 'normal',
  ): void {
    this.pending.addAlarm(alarmTransition(ts, alarm, from, to));
  }

  /** Runs fn after everything queued before it (flushes, imports, retention). */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Runs a job that queues only its writes (an import): live commits go on meanwhile; finish() waits for it. */
  alongside<T>(job: () => Promise<T>): Promise<T> {
    const running = job();
    const settled = running.catch(() => undefined);
    this.outside.add(settled);
    void settled.then(() => this.outside.delete(settled));
    return running;
  }

  /** Commits everything buffered; resolves when it is durable. */
  flush(): Promise<CommitInfo | null> {
    return this.serial(() => this.commitPending());
  }

  /** Brings the 1-minute rollup up to date in its own transaction (serialised with commits). */
  refreshDirtyRollup(): Promise<void> {
    return this.serial(() => this.rollup.refreshTx());
  }

  /** After an import merged samples up to maxTs outside the buffered commits. */
  noteImported(maxTs: number | null): void {
    if (maxTs !== null) this.lastTs = this.lastTs === null ? maxTs : Math.max(this.lastTs, maxTs);
  }

  /** Recomputes the rollup minutes of fromTs..toTs inside the transaction open on `conn` (inside serial()). */
  refreshRollup(fromTs: number, toTs: number, conn = this.connections.writer): Promise<void> {
    return refreshRollup(conn, this.asset, this.connections.tables, fromTs, toTs, this.rawFromTs);
  }

  /** Removes everything at or after t (inside serial()); returns the sample rows removed. */
  async deleteFrom(t: number): Promise<number> {
    await this.commitPending();
    await this.rollup.refreshTx();
    const seq = this.seq + 1;
    const { writer, tables } = this.connections;
    const deleted = await deleteFrom(writer, this.asset, tables, this.rawFromTs, t, seq);
    this.seq = seq;
    this.lastTs = await lastSampleTs(writer, tables);
    writeCommitMark(this.path, { seq: this.seq, lastTs: this.lastTs });
    return deleted;
  }

  /** Keeps rawDays of raw samples before now (default: the newest sample), inside serial(). */
  async applyRetention(options: {
    rawDays: number;
    now?: number;
    rollup?: boolean;
  }): Promise<RetentionResult> {
    await this.commitPending();
    await this.rollup.refreshTx();
    const now = options.now ?? this.lastTs;
    if (now === null) return { cutoff: Number.NaN, rolledUpMinutes: 0, deletedRows: 0 };
    const cutoff = retentionCutoff(now, options.rawDays);
    const { writer, tables } = this.connections;
    const r = await deleteRawBefore(writer, tables, this.rawFromTs, cutoff, options.rollup !== false);
    this.rawFromTs = r.rawFrom;
    return { cutoff, rolledUpMinutes: r.rolledUpMinutes, deletedRows: r.deletedRows };
  }

  /** Commits what is buffered and checkpoints (inside serial()). */
  async checkpoint(): Promise<void> {
    await this.commitPending();
    await this.connections.writer.run('CHECKPOINT');
  }

  /** Commits what is buffered, rolls up, closes the appender and checkpoints: the store is about to close. */
  async finish(): Promise<void> {
    await Promise.all(this.outside);
    await this.flush();
    await this.refreshDirtyRollup();
    await this.serial(async () => {
      this.sampleAppender?.closeSync();
      this.sampleAppender = null;
      await this.connections.writer.run('CHECKPOINT');
    });
  }

  /** Commits what is buffered in one transaction (inside serial()); null when nothing was. */
  async commitPending(): Promise<CommitInfo | null> {
    const taken = this.pending.take();
    if (!taken) return null;
    const { batches, events, alarms } = taken;
    const started = performance.now();
    let rows = 0;
    let firstTs: number | null = null;
    let lastTs = this.lastTs;
    const { writer, tables } = this.connections;
    await writer.run('BEGIN TRANSACTION');
    try {
      rows = this.appendSamples(batches);
      const span = batchSpan(batches, this.lastTs);
      firstTs = span.firstTs;
      lastTs = span.lastTs;
      if (span.firstTs !== null && span.maxTs !== null && lastTs !== null) {
        this.rollup.note(span.firstTs, span.maxTs);
        if (this.rollup.due) await this.rollup.refreshIn();
      }
      if (events.length > 0) await appendEventRows(writer, this.asset.id, events);
      if (alarms.length > 0) await appendAlarmRows(writer, this.asset.id, alarms);
      await this.options.beforeCommit?.();
      const seq = this.seq + 1;
      await writer.run(`UPDATE meta SET value = '${seq}' WHERE key = 'commit_seq'`);
      await writer.run('COMMIT');
      this.seq = seq;
      this.lastTs = lastTs;
    } catch (e) {
      await writer.run('ROLLBACK').catch(() => undefined);
      // Keep the data for the next attempt; the appender may hold a half-written chunk, so start a new one.
      this.pending.putBack(taken);
      try {
        this.sampleAppender?.closeSync();
      } catch {
        /* already broken */
      }
      this.setPaused((e as Error).message.split('\n')[0] ?? 'the commit failed');
      this.sampleAppender = await writer.createAppender(tables.samples);
      throw e;
    }
    this.setPaused(null);
    writeCommitMark(this.path, { seq: this.seq, lastTs: this.lastTs });
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

  /** Records whether commits fail; reports each change (paused → resumed and back). */
  private setPaused(reason: string | null): void {
    if (reason === this.pausedReason) return;
    this.pausedReason = reason;
    this.options.onRecordingChange?.(this.recording);
  }

  /** Appends samples as data chunks of up to 2048 rows (DuckDB's vector size), one bulk copy per column. */
  private appendSamples(batches: TelemetryBatch[]): number {
    const appender = this.sampleAppender;
    if (!appender) throw new Error('history store is closed');
    const total = this.chunkWriter.append(appender, batches);
    if (total > 0) appender.flushSync();
    return total;
  }
}
