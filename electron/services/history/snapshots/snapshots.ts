import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DuckDBBlobValue } from '@duckdb/node-api';
import type { PumpSkidSnapshot } from '../../../../core/sim';
import type { LiveSnapshot } from '../../live-simulation';
import type { HistoryStore } from '../store/history-store';
import { SNAPSHOT_TABLE } from '../store/schema';
import { finiteInt, toNumber } from '../store/store-types';

/** A simulator state as stored in the history. */
export interface StoredSnapshot {
  /** Simulated time of the state, ms since epoch. */
  ts: number;
  reason: LiveSnapshot['reason'];
  /** Simulated seconds per sample of the run it came from. */
  stepS: number;
  snapshot: PumpSkidSnapshot;
}

type Row = { ts: number; reason: string; stepS: number; state: Uint8Array };

/** JSON of the snapshot, deflated: ~900 B of JSON become ~540 B. */
export const encodeSnapshot = (s: PumpSkidSnapshot): Uint8Array =>
  deflateRawSync(Buffer.from(JSON.stringify(s), 'utf8'));

export const decodeSnapshot = (bytes: Uint8Array): PumpSkidSnapshot =>
  JSON.parse(inflateRawSync(bytes).toString('utf8')) as PumpSkidSnapshot;

/** States kept while commits fail (about 500 KiB); the oldest beyond it are dropped. */
export const MAX_PENDING_STATES = 1000;

/**
 * Buffers the live simulator's states and commits them on the store's flush cadence, in the store's serial
 * queue right after the samples buffered until then. A state behind the newest one kept (a clock that went
 * back) is left out, as the recorder leaves its samples out; a later state at the same instant (a reset or a
 * second input) replaces the one kept there.
 */
export class SnapshotLog {
  private pending: Row[] = [];
  private replaceFrom: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly store: HistoryStore,
    private newest: number | null,
  ) {}

  static async open(
    store: HistoryStore,
    options: { flushIntervalMs?: number; onError?: (e: Error) => void } = {},
  ): Promise<SnapshotLog> {
    const { reader } = store.connections;
    const last = (await reader.runAndReadAll(`SELECT max(ts) FROM ${SNAPSHOT_TABLE}`)).getRows()[0]?.[0];
    const log = new SnapshotLog(store, last == null ? null : toNumber(last));
    log.timer = setInterval(() => {
      log.flush().catch((e: unknown) => options.onError?.(e as Error));
    }, options.flushIntervalMs ?? 1000);
    log.timer.unref();
    return log;
  }

  /** Buffers a state; it is stored once the next flush() completes. */
  add(s: LiveSnapshot): void {
    const ts = finiteInt('simTime', s.snapshot.simTime);
    if (this.newest !== null && ts < this.newest) return;
    if (this.newest === ts) {
      this.pending = this.pending.filter((p) => p.ts < ts);
      this.replaceFrom = Math.min(this.replaceFrom ?? ts, ts);
    }
    this.pending.push({ ts, reason: s.reason, stepS: s.stepS, state: encodeSnapshot(s.snapshot) });
    if (this.pending.length > MAX_PENDING_STATES) this.pending.shift();
    this.newest = ts;
  }

  /** Commits the buffered states (after the store's buffered samples); resolves when they are durable. */
  flush(): Promise<void> {
    return this.store.serial(async () => {
      if (this.store.isClosed || (this.pending.length === 0 && this.replaceFrom === null)) return;
      const rows = this.pending;
      const from = this.replaceFrom;
      this.pending = [];
      this.replaceFrom = null;
      const { writer } = this.store.connections;
      await this.store.writes.commitPending();
      await writer.run('BEGIN TRANSACTION');
      try {
        if (from !== null) await writer.run(`DELETE FROM ${SNAPSHOT_TABLE} WHERE ts >= ${from}`);
        const a = await writer.createAppender(SNAPSHOT_TABLE);
        for (const r of rows) {
          a.appendBigInt(BigInt(r.ts));
          a.appendVarchar(r.reason);
          a.appendDouble(r.stepS);
          a.appendBlob(r.state);
          a.endRow();
        }
        a.closeSync();
        await writer.run('COMMIT');
      } catch (e) {
        await writer.run('ROLLBACK').catch(() => undefined);
        this.pending = rows.concat(this.pending).slice(-MAX_PENDING_STATES);
        if (from !== null) this.replaceFrom = Math.min(this.replaceFrom ?? from, from);
        throw e;
      }
    });
  }

  /** Stops the timer and commits what is buffered (call before closing the store). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}

/** The newest stored state at or before `at`, or null. */
export async function snapshotAtOrBefore(store: HistoryStore, at: number): Promise<StoredSnapshot | null> {
  const row = (
    await store.connections.reader.runAndReadAll(
      `SELECT ts, reason, step_s, state FROM ${SNAPSHOT_TABLE} WHERE ts <= ${finiteInt('at', at)} ORDER BY ts DESC LIMIT 1`,
    )
  ).getRows()[0];
  if (!row) return null;
  const blob = row[3];
  const bytes = blob instanceof DuckDBBlobValue ? blob.bytes : new Uint8Array();
  return {
    ts: toNumber(row[0]),
    reason: String(row[1]) as StoredSnapshot['reason'],
    stepS: Number(row[2]),
    snapshot: decodeSnapshot(bytes),
  };
}

/** Times of the stored states closest to `at` on either side (null where there is none). */
export async function nearestSnapshotTimes(
  store: HistoryStore,
  at: number,
): Promise<{ before: number | null; after: number | null }> {
  const t = finiteInt('at', at);
  const row = (
    await store.connections.reader.runAndReadAll(
      `SELECT (SELECT max(ts) FROM ${SNAPSHOT_TABLE} WHERE ts <= ${t}), (SELECT min(ts) FROM ${SNAPSHOT_TABLE} WHERE ts > ${t})`,
    )
  ).getRows()[0];
  const n = (v: unknown) => (v == null ? null : toNumber(v));
  return { before: n(row?.[0]), after: n(row?.[1]) };
}

/** Number of stored states and their bytes before DuckDB's own compression. */
export async function snapshotStats(
  store: HistoryStore,
): Promise<{ count: number; bytes: number; from: number | null; to: number | null }> {
  const row = (
    await store.connections.reader.runAndReadAll(
      `SELECT count(*), coalesce(sum(octet_length(state)), 0), min(ts), max(ts) FROM ${SNAPSHOT_TABLE}`,
    )
  ).getRows()[0];
  const n = (v: unknown) => (v == null ? null : toNumber(v));
  return { count: n(row?.[0]) ?? 0, bytes: n(row?.[1]) ?? 0, from: n(row?.[2]), to: n(row?.[3]) };
}
