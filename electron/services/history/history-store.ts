import fs from 'node:fs';
import nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
} from '@duckdb/node-api';
import type { Alarm, AlarmState, TelemetryBatch } from '../../../core/api/types';
import type { AssetDefinition } from '../../../core/asset/schema';
import { Quality } from '../../../core/data/quality';
import { SampleChunkWriter, type ColumnRole } from './chunk-writer';
import { MINUTE_MS, refreshRollup, upgradeRollupTable } from './rollup';

/** Wall time between refreshes of the 1-minute rollup while samples stream in. */
const ROLLUP_INTERVAL_MS = 5000;
/**
 * WAL size that triggers an automatic checkpoint. With DuckDB's 16 MB default a sustained ingest
 * checkpoints every few commits, which doubled commit time and grew the file by 15 % in
 * bench-history. The cost: up to 256 MB of WAL on disk, all replayed at the next open after a crash.
 */
const CHECKPOINT_WAL_SIZE = '256MB';
import { bucketGrid, planWindow } from './window-query';
import {
  HistoryLockedError,
  classifyOpenError,
  fileStamp,
  moveAside,
  preflight,
  readCommitMark,
  walPath,
  writeCommitMark,
  type CommitMark,
  type StoreProblem,
} from './integrity';
import {
  EVENT_KINDS,
  STORE_APP,
  STORE_FORMAT_VERSION,
  assetTables,
  createStatements,
  ident,
  literal,
  qualityColumn,
  valueColumn,
  type HistoryEventKind,
} from './schema';

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

const openPaths = new Set<string>();
const DAY_MS = 86_400_000;

function finiteInt(name: string, v: number): number {
  if (!Number.isFinite(v)) throw new Error(`${name} must be a finite number, got ${v}`);
  return Math.floor(v);
}

function toNumber(v: unknown): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  return Number.NaN;
}

async function connectChecked(path: string): Promise<{ instance: DuckDBInstance; writer: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(path);
  try {
    const writer = await instance.connect();
    return { instance, writer };
  } catch (e) {
    instance.closeSync();
    throw e;
  }
}

/**
 * The history of one workspace: one DuckDB file holding a wide samples table per asset, events and
 * alarm transitions. One writer per file; samples are buffered and committed every flushIntervalMs.
 */
export class HistoryStore {
  readonly path: string;
  readonly asset: AssetDefinition;
  /** What was found wrong with the file at start-up, and what was done about it. */
  readonly problems: StoreProblem[];
  private readonly tables: { samples: string; rollup: string };
  private readonly tagIndex: Map<string, number>;
  private layout: ColumnRole[] = [];
  private chunkWriter: SampleChunkWriter | null = null;
  private sampleAppender: DuckDBAppender | null = null;
  private pending: TelemetryBatch[] = [];
  private pendingEvents: { ts: number; kind: HistoryEventKind; payload: string | null }[] = [];
  private pendingAlarms: AlarmTransition[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private seq = 0;
  private lastTs: number | null = null;
  /** Raw samples before this were removed by retention (only their 1-minute rollups remain). */
  private rawFrom = Number.NEGATIVE_INFINITY;
  /** Sample times committed since the 1-minute rollup was last brought up to date (null: it is current). */
  private rollupDirty: { from: number; to: number } | null = null;
  private lastRollupRefresh = 0;
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
    this.path = path;
    this.asset = asset;
    this.problems = problems;
    this.tables = assetTables(asset.id);
    this.tagIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
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
    fs.mkdirSync(nodePath.dirname(path), { recursive: true });
    const problems: StoreProblem[] = [];
    const mark = readCommitMark(path);
    const stamp = fileStamp();

    const pre = preflight(path);
    if (pre) problems.push({ ...pre, movedTo: moveAside(path, stamp) });

    // Keep a copy of a crash WAL until we know whether DuckDB replayed all of it.
    let walCopy: string | null = null;
    if (fs.existsSync(walPath(path)) && fs.statSync(walPath(path)).size > 0) {
      walCopy = `${walPath(path)}.crash-${stamp}`;
      fs.copyFileSync(walPath(path), walCopy);
    }

    let conn: { instance: DuckDBInstance; writer: DuckDBConnection } | null = null;
    let recoveredFromCheckpoint = false;
    try {
      conn = await connectChecked(path);
    } catch (e) {
      const problem = classifyOpenError(path, e);
      if (walCopy) fs.rmSync(walCopy, { force: true });
      if (problem instanceof HistoryLockedError) throw problem;
      if (!problem) throw e;
      const movedTo = moveAside(path, stamp);
      problem.movedTo = movedTo;
      problems.push(problem);
      walCopy = null;
      if (problem.kind === 'garbled-wal' && movedTo[0]) {
        // The checkpointed part is intact: continue from a copy of it; the originals stay set aside.
        fs.copyFileSync(movedTo[0], path);
        try {
          conn = await connectChecked(path);
          recoveredFromCheckpoint = true;
          problem.message += ` Continuing from the last checkpoint; the damaged files were kept as ${movedTo.join(' and ')}.`;
        } catch {
          fs.rmSync(path, { force: true });
        }
      }
      conn ??= await connectChecked(path);
    }

    // A DuckDB file that is not ours, or one whose contents fail on first read, is set aside too.
    let store: HistoryStore | null = null;
    try {
      store = await HistoryStore.initialise(path, conn, problems, options);
    } catch (e) {
      conn.writer.closeSync();
      conn.instance.closeSync();
      const problem: StoreProblem =
        e instanceof ForeignStoreError
          ? { kind: 'foreign-file', message: e.message }
          : (() => {
              const c = classifyOpenError(path, e);
              if (c instanceof HistoryLockedError) throw c;
              return (
                c ?? {
                  kind: 'unreadable',
                  message: `The history file "${path}" could not be read (${(e as Error).message.split('\n')[0]}).`,
                }
              );
            })();
      problems.push({ ...problem, movedTo: moveAside(path, stamp) });
      conn = await connectChecked(path);
      store = await HistoryStore.initialise(path, conn, problems, options);
    }

    // Half a WAL opens silently: compare the commit counter with the one written after each commit.
    if (mark && mark.seq > store.seq && !problems.some((p) => p.kind !== 'garbled-wal')) {
      const lostSeconds =
        mark.lastTs !== null ? Math.max(0, (mark.lastTs - (store.lastTs ?? mark.lastTs)) / 1000) : 0;
      const lostCommits = mark.seq - store.seq;
      const garbled = problems.find((p) => p.kind === 'garbled-wal');
      const text = `the last ${Math.round(lostSeconds)} seconds of data before the crash were not recoverable (${lostCommits} commits lost)`;
      if (garbled) {
        garbled.lostSeconds = lostSeconds;
        garbled.lostCommits = lostCommits;
        garbled.message += ` ${text[0]?.toUpperCase()}${text.slice(1)}.`;
      } else {
        problems.push({
          kind: 'wal-tail-lost',
          message: `The write-ahead log of "${path}" was cut short: ${text}.`,
          lostSeconds,
          lostCommits,
          ...(walCopy ? { movedTo: [walCopy] } : {}),
        });
        walCopy = null;
      }
    }
    if (walCopy) fs.rmSync(walCopy, { force: true });
    if (recoveredFromCheckpoint || problems.length > 0) await store.writer.run('CHECKPOINT');
    writeCommitMark(path, { seq: store.seq, lastTs: store.lastTs });
    store.startTimer();
    return store;
  }

  private static async initialise(
    path: string,
    conn: { instance: DuckDBInstance; writer: DuckDBConnection },
    problems: StoreProblem[],
    options: HistoryStoreOptions,
  ): Promise<HistoryStore> {
    const { writer, instance } = conn;
    const existing = (
      await writer.runAndReadAll(
        `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()`,
      )
    )
      .getRows()
      .map((r) => String(r[0]));
    if (existing.length > 0) {
      if (!existing.includes('meta'))
        throw new ForeignStoreError(
          `The file "${path}" is a DuckDB database from another program, not a Twinscape history store.`,
        );
      const app = (await writer.runAndReadAll(`SELECT value FROM meta WHERE key = 'app'`)).getRows()[0]?.[0];
      if (app !== STORE_APP)
        throw new ForeignStoreError(
          `The file "${path}" is a DuckDB database from another program, not a Twinscape history store.`,
        );
    }
    for (const sql of createStatements(options.asset)) await writer.run(sql);
    await writer.run(
      `INSERT OR IGNORE INTO meta VALUES ('app', ${literal(STORE_APP)}), ('format', '${STORE_FORMAT_VERSION}'), ('commit_seq', '0'), ('created', ${literal(new Date().toISOString())})`,
    );
    const reader = await instance.connect();
    for (const c of [writer, reader]) await c.run(`SET TimeZone = 'UTC'`);
    await writer.run(`SET checkpoint_threshold = '${CHECKPOINT_WAL_SIZE}'`);
    const store = new HistoryStore(path, options.asset, instance, writer, reader, problems, options);
    await store.prepareLayout();
    // First read of every table: a lazily discovered truncation fails here rather than mid-session.
    const { samples, rollup } = store.tables;
    const row = (
      await writer.runAndReadAll(
        `SELECT (SELECT value FROM meta WHERE key = 'commit_seq'), (SELECT max(ts) FROM ${ident(samples)}), (SELECT max(ts) FROM ${ident(rollup)}), (SELECT count(*) FROM events), (SELECT count(*) FROM alarms)`,
      )
    ).getRows()[0];
    store.seq = Number(row?.[0] ?? 0);
    store.lastTs = row?.[1] == null ? null : toNumber(row[1]);
    const lastRollupTs = row?.[2] == null ? null : toNumber(row[2]);
    await store.prepareRollup(lastRollupTs);
    // Rollups trail commits by up to ROLLUP_INTERVAL_MS; after a crash, catch up from the last rolled minute.
    if (store.lastTs !== null && (lastRollupTs === null || lastRollupTs + MINUTE_MS <= store.lastTs)) {
      const firstRaw = (
        await writer.runAndReadAll(`SELECT min(ts) FROM ${ident(samples)}`)
      ).getRows()[0]?.[0];
      const from = lastRollupTs ?? (firstRaw == null ? store.lastTs : toNumber(firstRaw));
      store.rollupDirty = { from, to: store.lastTs };
      await store.refreshDirtyRollup();
    }
    store.sampleAppender = await writer.createAppender(samples);
    return store;
  }

  /** Maps the samples table's columns (which may carry columns of tags an older asset version had). */
  private async prepareLayout(): Promise<void> {
    const { samples } = this.tables;
    const columns = async () =>
      (
        await this.writer.runAndReadAll(
          `SELECT column_name FROM duckdb_columns() WHERE table_name = ${literal(samples)} AND database_name = current_database() ORDER BY column_index`,
        )
      )
        .getRows()
        .map((r) => String(r[0]));
    let names = await columns();
    for (const tag of this.asset.tags) {
      if (!names.includes(valueColumn(tag.id)))
        await this.writer.run(`ALTER TABLE ${ident(samples)} ADD COLUMN ${ident(valueColumn(tag.id))} FLOAT`);
      if (!names.includes(qualityColumn(tag.id)))
        await this.writer.run(
          `ALTER TABLE ${ident(samples)} ADD COLUMN ${ident(qualityColumn(tag.id))} UTINYINT`,
        );
    }
    names = await columns();
    this.layout = names.map((name): ColumnRole => {
      if (name === 'ts') return { role: 'ts' };
      const id = name.slice(2);
      const k = this.tagIndex.get(id);
      if (name.startsWith('v_')) return k === undefined ? { role: 'null-float' } : { role: 'value', tag: k };
      if (name.startsWith('q_')) return k === undefined ? { role: 'null-q' } : { role: 'quality', tag: k };
      throw new Error(`unexpected column "${name}" in ${samples}`);
    });
    this.chunkWriter = new SampleChunkWriter(this.layout);
  }

  /**
   * Format 1 kept rollups only for minutes removed by retention: add the newer columns and roll up
   * the raw samples once; from then on every commit keeps the rollup current.
   */
  private async prepareRollup(lastRollupTs: number | null): Promise<void> {
    const { samples, rollup } = this.tables;
    await upgradeRollupTable(this.writer, this.asset, rollup);
    const meta = (
      await this.writer.runAndReadAll(`SELECT key, value FROM meta WHERE key IN ('format', 'raw_from')`)
    ).getRows();
    const value = (k: string) => meta.find((r) => r[0] === k)?.[1];
    const rawFrom = value('raw_from');
    if (rawFrom !== undefined && rawFrom !== null) this.rawFrom = Number(rawFrom);
    if (Number(value('format')) >= STORE_FORMAT_VERSION) return;
    if (lastRollupTs !== null && rawFrom === undefined) this.rawFrom = lastRollupTs + MINUTE_MS;
    const span = (
      await this.writer.runAndReadAll(`SELECT min(ts), max(ts) FROM ${ident(samples)}`)
    ).getRows()[0];
    await this.writer.run('BEGIN TRANSACTION');
    try {
      if (span?.[0] != null && span[1] != null)
        await refreshRollup(
          this.writer,
          this.asset,
          this.tables,
          toNumber(span[0]),
          toNumber(span[1]),
          this.rawFrom,
        );
      if (Number.isFinite(this.rawFrom))
        await this.writer.run(`INSERT OR REPLACE INTO meta VALUES ('raw_from', '${this.rawFrom}')`);
      await this.writer.run(`INSERT OR REPLACE INTO meta VALUES ('format', '${STORE_FORMAT_VERSION}')`);
      await this.writer.run('COMMIT');
    } catch (e) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
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
    if (batch.assetId !== this.asset.id)
      throw new Error(`batch of asset "${batch.assetId}" given to the store of "${this.asset.id}"`);
    if (batch.values.length !== this.asset.tags.length)
      throw new Error(
        `batch has ${batch.values.length} tags, asset "${this.asset.id}" has ${this.asset.tags.length}`,
      );
    if (batch.t.length > 0) this.pending.push(batch);
  }

  appendEvent(event: { ts: number; kind: HistoryEventKind; payload?: unknown }): void {
    this.assertOpen();
    if (!EVENT_KINDS.includes(event.kind)) throw new Error(`unknown event kind "${event.kind}"`);
    this.pendingEvents.push({
      ts: finiteInt('ts', event.ts),
      kind: event.kind,
      payload: event.payload === undefined ? null : JSON.stringify(event.payload),
    });
  }

  /** Records one alarm state change (from null/'normal' when raised, to 'normal' when cleared). */
  appendAlarmTransition(
    ts: number,
    alarm: Alarm,
    from: AlarmState | 'normal' | null,
    to: AlarmState | 'normal',
  ): void {
    this.assertOpen();
    this.pendingAlarms.push({
      ts: finiteInt('ts', ts),
      alarmId: alarm.id,
      tagId: alarm.tagId,
      kind: alarm.kind,
      priority: alarm.priority,
      from,
      to,
      value: Number.isFinite(alarm.value) ? alarm.value : null,
      message: alarm.message,
    });
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
      await this.refreshDirtyRollupTx();
      const samples = ident(this.tables.samples);
      await this.writer.run('BEGIN TRANSACTION');
      try {
        const d = await this.writer.run(`DELETE FROM ${samples} WHERE ts >= ${t}`);
        await this.writer.run(
          `DELETE FROM ${ident(this.tables.rollup)} WHERE ts >= ${Math.floor(t / MINUTE_MS) * MINUTE_MS}`,
        );
        await refreshRollup(this.writer, this.asset, this.tables, t, t, this.rawFrom);
        await this.writer.run(`DELETE FROM events WHERE ts >= ${t}`);
        await this.writer.run(`DELETE FROM alarms WHERE ts >= ${t}`);
        const seq = this.seq + 1;
        await this.writer.run(`UPDATE meta SET value = '${seq}' WHERE key = 'commit_seq'`);
        await this.writer.run('COMMIT');
        this.seq = seq;
        const last = (await this.writer.runAndReadAll(`SELECT max(ts) FROM ${samples}`)).getRows()[0]?.[0];
        this.lastTs = last === null || last === undefined ? null : toNumber(last);
        writeCommitMark(this.path, { seq: this.seq, lastTs: this.lastTs });
        return d.rowsChanged;
      } catch (e) {
        await this.writer.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
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

  /** Rolls up the minutes committed since the last refresh, inside the caller's transaction. */
  private async refreshDirtyRollupIn(): Promise<void> {
    const dirty = this.rollupDirty;
    this.lastRollupRefresh = performance.now();
    if (!dirty) return;
    await refreshRollup(this.writer, this.asset, this.tables, dirty.from, dirty.to, this.rawFrom);
    this.rollupDirty = null;
  }

  /** Brings the 1-minute rollup up to date in its own transaction (serialised with commits). */
  private refreshDirtyRollup(): Promise<void> {
    return this.serial(() => this.refreshDirtyRollupTx());
  }

  /** The same, for callers already inside serial(). */
  private async refreshDirtyRollupTx(): Promise<void> {
    if (!this.rollupDirty) return;
    await this.writer.run('BEGIN TRANSACTION');
    try {
      await this.refreshDirtyRollupIn();
      await this.writer.run('COMMIT');
    } catch (e) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private async commitPending(): Promise<CommitInfo | null> {
    const batches = this.pending;
    const events = this.pendingEvents;
    const alarms = this.pendingAlarms;
    if (batches.length === 0 && events.length === 0 && alarms.length === 0) return null;
    this.pending = [];
    this.pendingEvents = [];
    this.pendingAlarms = [];
    const started = performance.now();
    let rows = 0;
    let firstTs: number | null = null;
    let lastTs = this.lastTs;
    await this.writer.run('BEGIN TRANSACTION');
    try {
      rows = this.appendSamples(batches);
      for (const b of batches) {
        const t0 = b.t[0];
        const t1 = b.t[b.t.length - 1];
        if (t0 !== undefined) firstTs = firstTs === null ? t0 : Math.min(firstTs, t0);
        if (t1 !== undefined) lastTs = lastTs === null ? t1 : Math.max(lastTs, t1);
      }
      if (firstTs !== null && lastTs !== null) {
        let maxTs = firstTs;
        for (const b of batches)
          for (const t of [b.t[0], b.t[b.t.length - 1]]) if (t !== undefined) maxTs = Math.max(maxTs, t);
        this.rollupDirty = {
          from: Math.min(this.rollupDirty?.from ?? firstTs, firstTs),
          to: Math.max(this.rollupDirty?.to ?? maxTs, maxTs),
        };
        // The rollup is refreshed every few seconds (and before any query that reads it), not per commit.
        if (performance.now() - this.lastRollupRefresh >= ROLLUP_INTERVAL_MS)
          await this.refreshDirtyRollupIn();
      }
      if (events.length > 0) await this.appendEventRows(events);
      if (alarms.length > 0) await this.appendAlarmRows(alarms);
      const seq = this.seq + 1;
      await this.writer.run(`UPDATE meta SET value = '${seq}' WHERE key = 'commit_seq'`);
      await this.writer.run('COMMIT');
      this.seq = seq;
      this.lastTs = lastTs;
    } catch (e) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      // Keep the data for the next attempt; the appender may hold a half-written chunk, so start a new one.
      this.pending = batches.concat(this.pending);
      this.pendingEvents = events.concat(this.pendingEvents);
      this.pendingAlarms = alarms.concat(this.pendingAlarms);
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

  private async appendEventRows(
    events: { ts: number; kind: string; payload: string | null }[],
  ): Promise<void> {
    const a = await this.writer.createAppender('events');
    for (const e of events) {
      a.appendBigInt(BigInt(e.ts));
      a.appendVarchar(this.asset.id);
      a.appendVarchar(e.kind);
      if (e.payload === null) a.appendNull();
      else a.appendVarchar(e.payload);
      a.endRow();
    }
    a.closeSync();
  }

  private async appendAlarmRows(rows: AlarmTransition[]): Promise<void> {
    const a = await this.writer.createAppender('alarms');
    const text = (v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));
    for (const r of rows) {
      a.appendBigInt(BigInt(r.ts));
      a.appendVarchar(this.asset.id);
      a.appendVarchar(r.alarmId);
      a.appendVarchar(r.tagId);
      a.appendVarchar(r.kind);
      a.appendVarchar(r.priority);
      text(r.from);
      a.appendVarchar(r.to);
      if (r.value === null) a.appendNull();
      else a.appendDouble(r.value);
      a.appendVarchar(r.message);
      a.endRow();
    }
    a.closeSync();
  }

  // ---------------------------------------------------------------- reading

  private tagList(tagIds: readonly string[] | undefined): { id: string; k: number }[] {
    return (tagIds ?? this.asset.tags.map((t) => t.id)).map((id) => {
      const k = this.tagIndex.get(id);
      if (k === undefined) throw new Error(`unknown tag "${id}" for asset "${this.asset.id}"`);
      return { id, k };
    });
  }

  /**
   * M4 downsampling in SQL: min, max, first and last per bucket; at most `buckets` rows come back.
   * Buckets of a minute or longer are whole minutes and read the 1-minute rollup (exact for M4).
   */
  async queryWindow(q: WindowQuery): Promise<WindowResult> {
    this.assertOpen();
    const from = finiteInt('from', q.from);
    const to = finiteInt('to', q.to);
    const buckets = Math.max(1, Math.min(100_000, finiteInt('buckets', q.buckets)));
    if (to <= from) throw new Error(`empty window: to (${to}) must be after from (${from})`);
    const tags = this.tagList(q.tagIds);
    const withQuality = q.withQuality !== false;
    const withFirstLast = q.withFirstLast !== false;
    if (q.source !== 'raw' && this.rollupDirty) await this.refreshDirtyRollup();
    const grid = bucketGrid(from, to, buckets);
    const plan = planWindow({
      tables: this.tables,
      tagIds: tags.map((t) => t.id),
      from,
      to,
      grid,
      rawFrom: this.rawFrom,
      rawOnly: q.source === 'raw',
      withFirstLast,
      withQuality,
    });
    const cols = readColumns(await this.reader.run(plan.sql));
    const n = cols.rows;
    const num = (c: number) => Float64Array.from(cols.get(c), toNumber);
    const f32 = (c: number) => Float32Array.from(cols.get(c), (v) => (v === null ? Number.NaN : toNumber(v)));
    const perTag = 2 + (withFirstLast ? 2 : 0) + (withQuality ? 1 : 0);
    const nan = () => new Float32Array(n).fill(Number.NaN);
    return {
      from,
      to,
      bucketMs: grid.bucketMs,
      t: num(0).map((b) => grid.start(b)),
      tFirst: num(1),
      tLast: num(2),
      series: tags.map(({ id }, i) => {
        const c = 3 + i * perTag;
        return {
          tagId: id,
          min: f32(c),
          max: f32(c + 1),
          first: withFirstLast ? f32(c + 2) : nan(),
          last: withFirstLast ? f32(c + 3) : nan(),
          quality: withQuality
            ? Uint8Array.from(cols.get(c + perTag - 1), (v) => (v === null ? Quality.missing : toNumber(v)))
            : new Uint8Array(n),
        };
      }),
      usedRollup: plan.usedRollup,
    };
  }

  /** State at the playhead: per tag the last non-missing sample at or before ts (within lookBackMs). */
  async valuesAt(
    ts: number,
    options: { tagIds?: readonly string[]; lookBackMs?: number } = {},
  ): Promise<PlayheadState> {
    this.assertOpen();
    const t = finiteInt('ts', ts);
    const lookBack = finiteInt('lookBackMs', options.lookBackMs ?? 3_600_000);
    const tags = this.tagList(options.tagIds);
    const values = new Float32Array(tags.length).fill(Number.NaN);
    const quality = new Uint8Array(tags.length).fill(Quality.missing);
    const sampleTs = new Float64Array(tags.length).fill(Number.NaN);
    if (tags.length > 0) {
      const samples = ident(this.tables.samples);
      const range = `ts <= ${t} AND ts > ${t - lookBack}`;
      // Usually the newest row has every tag: one top-1 read. Tags missing there fall back to arg_max.
      const cols = tags.flatMap(({ id }) => [ident(valueColumn(id)), ident(qualityColumn(id))]).join(', ');
      const top = (
        await this.reader.runAndReadAll(
          `SELECT ts, ${cols} FROM ${samples} WHERE ${range} ORDER BY ts DESC LIMIT 1`,
        )
      ).getRows()[0];
      const missing: number[] = [];
      tags.forEach((_, i) => {
        const v = top?.[1 + i * 2];
        if (v === null || v === undefined) return void missing.push(i);
        values[i] = toNumber(v);
        sampleTs[i] = toNumber(top?.[0]);
        quality[i] = toNumber(top?.[2 + i * 2] ?? Quality.missing);
      });
      if (top && missing.length > 0) {
        const sel = missing
          .map((i) => {
            const id = tags[i]?.id as string;
            const v = ident(valueColumn(id));
            return `arg_max(${v}, ts), max(ts) FILTER (WHERE ${v} IS NOT NULL), arg_max(${ident(qualityColumn(id))}, ts) FILTER (WHERE ${v} IS NOT NULL)`;
          })
          .join(', ');
        const row =
          (await this.reader.runAndReadAll(`SELECT ${sel} FROM ${samples} WHERE ${range}`)).getRows()[0] ??
          [];
        missing.forEach((i, j) => {
          const v = row[j * 3];
          if (v === null || v === undefined) return;
          values[i] = toNumber(v);
          sampleTs[i] = toNumber(row[j * 3 + 1]);
          quality[i] = toNumber(row[j * 3 + 2] ?? Quality.missing);
        });
      }
    }
    return { ts: t, tagIds: tags.map((x) => x.id), values, quality, sampleTs };
  }

  /** Events (and, unless excluded, alarm transitions) with from ≤ ts ≤ to, in time order. */
  async events(
    from: number,
    to: number,
    options: { kinds?: readonly HistoryEventKind[]; includeAlarms?: boolean; limit?: number } = {},
  ): Promise<HistoryEvent[]> {
    this.assertOpen();
    const where = `ts >= ${finiteInt('from', from)} AND ts <= ${finiteInt('to', to)}`;
    return this.readEvents(where, 'ASC', options.limit ?? 10_000, options);
  }

  /** The first event strictly after (forward) or before (backward) ts, or null. */
  async nextEvent(
    ts: number,
    direction: 'forward' | 'backward',
    options: { kinds?: readonly HistoryEventKind[]; includeAlarms?: boolean } = {},
  ): Promise<HistoryEvent | null> {
    this.assertOpen();
    const t = finiteInt('ts', ts);
    const rows = await this.readEvents(
      direction === 'forward' ? `ts > ${t}` : `ts < ${t}`,
      direction === 'forward' ? 'ASC' : 'DESC',
      1,
      options,
    );
    return rows[0] ?? null;
  }

  private async readEvents(
    where: string,
    order: 'ASC' | 'DESC',
    limit: number,
    options: { kinds?: readonly HistoryEventKind[]; includeAlarms?: boolean },
  ): Promise<HistoryEvent[]> {
    const kindFilter = options.kinds
      ? ` AND kind IN (${options.kinds.map(literal).join(', ') || 'NULL'})`
      : '';
    const parts = [`SELECT ts, kind, payload, 0 AS src FROM events WHERE ${where}${kindFilter}`];
    if (options.includeAlarms !== false)
      parts.push(
        `SELECT ts, 'alarm', to_json({'alarmId': alarm_id, 'tagId': tag_id, 'kind': kind, 'priority': priority, 'from': from_state, 'to': to_state, 'value': value, 'message': message})::VARCHAR, 1 FROM alarms WHERE ${where}`,
      );
    const sql = `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY ts ${order}, src ${order} LIMIT ${Math.max(1, Math.floor(limit))}`;
    const rows = (await this.reader.runAndReadAll(sql)).getRows();
    return rows.map((r) => ({
      ts: toNumber(r[0]),
      kind: String(r[1]) as HistoryEvent['kind'],
      payload: r[2] === null || r[2] === undefined ? null : (JSON.parse(String(r[2])) as unknown),
    }));
  }

  /** Alarm transitions with from ≤ ts ≤ to. */
  async alarmTransitions(from: number, to: number): Promise<AlarmTransition[]> {
    this.assertOpen();
    const rows = (
      await this.reader.runAndReadAll(
        `SELECT ts, alarm_id, tag_id, kind, priority, from_state, to_state, value, message FROM alarms WHERE ts >= ${finiteInt('from', from)} AND ts <= ${finiteInt('to', to)} ORDER BY ts`,
      )
    ).getRows();
    return rows.map((r) => ({
      ts: toNumber(r[0]),
      alarmId: String(r[1]),
      tagId: String(r[2]),
      kind: String(r[3]),
      priority: String(r[4]),
      from: (r[5] ?? null) as AlarmTransition['from'],
      to: String(r[6]) as AlarmTransition['to'],
      value: r[7] === null || r[7] === undefined ? null : toNumber(r[7]),
      message: String(r[8]),
    }));
  }

  /** Committed sample time span (raw and rolled-up), or null when empty. */
  async timeRange(): Promise<{ from: number; to: number } | null> {
    this.assertOpen();
    const { samples, rollup } = this.tables;
    const row = (
      await this.reader.runAndReadAll(
        `SELECT least((SELECT min(ts) FROM ${ident(samples)}), (SELECT min(t_first) FROM ${ident(rollup)})), greatest((SELECT max(ts) FROM ${ident(samples)}), (SELECT max(t_last) FROM ${ident(rollup)}))`,
      )
    ).getRows()[0];
    if (!row || row[0] === null || row[1] === null) return null;
    return { from: toNumber(row[0]), to: toNumber(row[1]) };
  }

  /** Committed row count of the raw samples table. */
  async sampleCount(): Promise<number> {
    const row = (
      await this.reader.runAndReadAll(`SELECT count(*) FROM ${ident(this.tables.samples)}`)
    ).getRows()[0];
    return toNumber(row?.[0]);
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
      await this.refreshDirtyRollupTx();
      const now = options.now ?? this.lastTs;
      if (now === null) return { cutoff: Number.NaN, rolledUpMinutes: 0, deletedRows: 0 };
      const cutoff = Math.floor((now - options.rawDays * DAY_MS) / MINUTE_MS) * MINUTE_MS;
      const { samples, rollup } = this.tables;
      const keepRollup = options.rollup !== false;
      await this.writer.run('BEGIN TRANSACTION');
      try {
        const folded = keepRollup
          ? (
              await this.writer.runAndReadAll(
                `SELECT count(*) FROM ${ident(rollup)} WHERE ts < ${cutoff}${Number.isFinite(this.rawFrom) ? ` AND ts >= ${this.rawFrom}` : ''}`,
              )
            ).getRows()[0]?.[0]
          : (await this.writer.run(`DELETE FROM ${ident(rollup)} WHERE ts < ${cutoff}`), 0);
        const d = await this.writer.run(`DELETE FROM ${ident(samples)} WHERE ts < ${cutoff}`);
        const rawFrom = Math.max(this.rawFrom, cutoff);
        await this.writer.run(`INSERT OR REPLACE INTO meta VALUES ('raw_from', '${rawFrom}')`);
        await this.writer.run('COMMIT');
        this.rawFrom = rawFrom;
        return { cutoff, rolledUpMinutes: toNumber(folded ?? 0), deletedRows: d.rowsChanged };
      } catch (e) {
        await this.writer.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /** Bytes on disk: database plus write-ahead log. */
  diskUsage(): { bytes: number; databaseBytes: number; walBytes: number } {
    const size = (p: string) => {
      try {
        return fs.statSync(p).size;
      } catch {
        return 0;
      }
    };
    const databaseBytes = size(this.path);
    const walBytes = size(walPath(this.path));
    return { bytes: databaseBytes + walBytes, databaseBytes, walBytes };
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

  private assertOpen(): void {
    if (this.closed) throw new Error(`history store "${this.path}" is closed`);
  }
}

class ForeignStoreError extends Error {}

/** Reads a materialized result column by column, without building row objects. */
function readColumns(result: DuckDBMaterializedResult): { rows: number; get(c: number): unknown[] } {
  const chunks = Array.from({ length: result.chunkCount }, (_, i) => result.getChunk(i));
  const rows = chunks.reduce((n, c) => n + c.rowCount, 0);
  return {
    rows,
    get(c: number) {
      const out: unknown[] = new Array(rows);
      let o = 0;
      for (const chunk of chunks) {
        const vec = chunk.getColumnVector(c);
        for (let r = 0; r < chunk.rowCount; r++) out[o++] = vec.getItem(r);
      }
      return out;
    },
  };
}
