import { Quality } from '../data/quality';
import { TagHold } from './tag-hold';

/** One row of the asset's tags at one source time: each tag's value held at that time. */
export interface AssembledRow {
  t: number;
  values: Float32Array;
  quality: Uint8Array;
}

export interface RowAssemblerOptions {
  tagCount: number;
  /** Per tag: host milliseconds without a value after which the tag is stale. */
  staleAfterMs: readonly number[];
  /** Host milliseconds a row waits for values of other tags at the same time before it is formed. */
  reorderWindowMs: number;
  /** Values waiting to form rows, at most; more are dropped and counted. */
  maxPending: number;
  /** Host milliseconds without any row after which a row of held (or stale) values is formed. */
  heartbeatMs?: number;
}

interface PendingRow {
  firstArrival: number;
  tags: number[];
  values: number[];
  quality: number[];
}

export interface DrainedRows {
  /** Rows newer than any formed before, in time order. */
  rows: AssembledRow[];
  /** Rows older than one already formed (values that came after their row was out): stored at their time. */
  late: AssembledRow[];
}

/**
 * Turns values that arrive one tag at a time, in any order, into rows of all tags at each source time
 * (sample-and-hold: a tag without a value at that time keeps its last one). Staleness is judged on the host's
 * clock, so a source clock that is off makes no tag stale or fresh by mistake.
 */
export class RowAssembler {
  private readonly pending = new Map<number, PendingRow>();
  private pendingValues = 0;
  private readonly holds: TagHold[];
  private readonly lastArrival: Float64Array;
  /** Tags their source declared dead, until their next value. */
  private readonly dead: Uint8Array;
  private lastRowT = Number.NEGATIVE_INFINITY;
  /** Host time of the last row formed (or of the first drain). */
  private lastRowAt = Number.NaN;
  dropped = 0;

  constructor(private readonly options: RowAssemblerOptions) {
    this.holds = Array.from({ length: options.tagCount }, () => new TagHold());
    this.lastArrival = new Float64Array(options.tagCount).fill(Number.NaN);
    this.dead = new Uint8Array(options.tagCount);
  }

  /** Queues a value of `tag` at source time `t`; false when the queue is full and it was dropped. */
  push(tag: number, value: number, quality: number, t: number, arrival: number): boolean {
    if (this.pendingValues >= this.options.maxPending) {
      this.dropped++;
      return false;
    }
    this.lastArrival[tag] = arrival;
    this.dead[tag] = 0;
    let row = this.pending.get(t);
    if (!row) {
      row = { firstArrival: arrival, tags: [], values: [], quality: [] };
      this.pending.set(t, row);
    }
    row.tags.push(tag);
    row.values.push(value);
    row.quality.push(quality);
    this.pendingValues++;
    return true;
  }

  /** Notes that a tag is alive though its value did not change (deadband), so it does not turn stale. */
  touch(tag: number, arrival: number): void {
    this.lastArrival[tag] = arrival;
    this.dead[tag] = 0;
  }

  /** Marks tags stale now (their source said they died). */
  markDead(tags: readonly number[]): void {
    for (const tag of tags) this.dead[tag] = 1;
  }

  isStale(tag: number, now: number): boolean {
    const last = this.lastArrival[tag]!;
    return this.dead[tag] === 1 || (!Number.isNaN(last) && now - last > this.options.staleAfterMs[tag]!);
  }

  /** Host time the tag's last value arrived, or null when none did. */
  lastArrivalOf(tag: number): number | null {
    const last = this.lastArrival[tag]!;
    return Number.isNaN(last) ? null : last;
  }

  /**
   * Forms the rows whose window has passed at host time `now`. With nothing due for `heartbeatMs` and a tag gone
   * stale, forms a row at `sourceNow` (the host time on the source's clock), so the staleness shows (and is
   * recorded) even when nothing arrives at all.
   */
  drain(now: number, sourceNow: number): DrainedRows {
    const due: [number, PendingRow][] = [];
    for (const entry of this.pending)
      if (entry[1].firstArrival + this.options.reorderWindowMs <= now) due.push(entry);
    due.sort((a, b) => a[0] - b[0]);
    const rows: AssembledRow[] = [];
    const late: AssembledRow[] = [];
    for (const [t, row] of due) {
      this.pending.delete(t);
      this.pendingValues -= row.tags.length;
      for (let i = 0; i < row.tags.length; i++)
        this.holds[row.tags[i]!]!.add(t, row.values[i]!, row.quality[i]!);
      if (t <= this.lastRowT) late.push(this.rowAt(t, null));
      else {
        rows.push(this.rowAt(t, now));
        this.lastRowT = t;
        this.lastRowAt = now;
      }
    }
    const heartbeat = this.options.heartbeatMs ?? 1000;
    if (Number.isNaN(this.lastRowAt)) this.lastRowAt = now;
    // Not while values wait: a row at the host's time would make them late.
    const quiet = rows.length === 0 && this.pending.size === 0;
    if (quiet && now - this.lastRowAt >= heartbeat && sourceNow > this.lastRowT && this.anyStale(now)) {
      rows.push(this.rowAt(sourceNow, now));
      this.lastRowT = sourceNow;
      this.lastRowAt = now;
    }
    return { rows, late };
  }

  private anyStale(now: number): boolean {
    for (let k = 0; k < this.options.tagCount; k++) if (this.isStale(k, now)) return true;
    return false;
  }

  /** Row of held values at `t`; with `now`, tags that are stale at that host time are flagged so. */
  private rowAt(t: number, now: number | null): AssembledRow {
    const n = this.options.tagCount;
    const values = new Float32Array(n);
    const quality = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const held = this.holds[k]!.at(t);
      values[k] = held.value;
      quality[k] = now !== null && this.isStale(k, now) ? Quality.stale : held.quality;
    }
    return { t, values, quality };
  }
}
