import type { TelemetryFrame } from '../../../core/api/telemetry-frame';
import type { TelemetryBatch } from '../../../core/api/types';

/** Bounded ring buffers of typed arrays, one per tag; no object per sample. */
export class TelemetryRing {
  readonly capacity: number;
  readonly tagCount: number;
  readonly times: Float64Array;
  readonly values: Float32Array[];
  readonly quality: Uint8Array[];
  /** Latest value per tag (NaN when missing). */
  readonly latest: Float32Array;
  readonly latestQuality: Uint8Array;
  /** Number of samples ever written. */
  written = 0;

  constructor(tagCount: number, capacity = 3600) {
    this.capacity = capacity;
    this.tagCount = tagCount;
    this.times = new Float64Array(capacity);
    this.values = Array.from({ length: tagCount }, () => new Float32Array(capacity).fill(Number.NaN));
    this.quality = Array.from({ length: tagCount }, () => new Uint8Array(capacity));
    this.latest = new Float32Array(tagCount).fill(Number.NaN);
    this.latestQuality = new Uint8Array(tagCount);
  }

  get size(): number {
    return Math.min(this.written, this.capacity);
  }

  /** Simulated time of the newest sample, or NaN when empty. */
  get lastTime(): number {
    return this.written === 0 ? Number.NaN : (this.times[(this.written - 1) % this.capacity] ?? Number.NaN);
  }

  push(batch: TelemetryBatch): void {
    const n = batch.t.length;
    for (let s = 0; s < n; s++) {
      const slot = this.written % this.capacity;
      this.times[slot] = batch.t[s] ?? Number.NaN;
      for (let k = 0; k < this.tagCount; k++) {
        const v = batch.values[k]?.[s];
        const value = v === null || v === undefined ? Number.NaN : v;
        const q = batch.quality[k]?.[s] ?? 3;
        (this.values[k] as Float32Array)[slot] = value;
        (this.quality[k] as Uint8Array)[slot] = q;
        if (s === n - 1) {
          this.latest[k] = value;
          this.latestQuality[k] = q;
        }
      }
      this.written++;
    }
  }

  /** Writes a decoded binary frame straight from its typed arrays (tag-major, NaN where missing). */
  pushFrame(frame: TelemetryFrame): void {
    const n = frame.samples;
    for (let s = 0; s < n; s++) {
      const slot = this.written % this.capacity;
      this.times[slot] = frame.t[s]!;
      for (let k = 0; k < this.tagCount; k++) {
        const value = frame.values[k * n + s]!;
        const q = frame.quality[k * n + s]!;
        this.values[k]![slot] = value;
        this.quality[k]![slot] = q;
        if (s === n - 1) {
          this.latest[k] = value;
          this.latestQuality[k] = q;
        }
      }
      this.written++;
    }
  }

  /** Copies the last `count` samples of one tag, oldest first, into new arrays (for charts). */
  tail(tagIndex: number, count: number): { t: Float64Array; v: Float32Array } {
    const n = Math.min(count, this.size);
    const t = new Float64Array(n);
    const v = new Float32Array(n);
    const column = this.values[tagIndex];
    for (let i = 0; i < n; i++) {
      const slot = (this.written - n + i) % this.capacity;
      t[i] = this.times[slot] ?? Number.NaN;
      v[i] = column?.[slot] ?? Number.NaN;
    }
    return { t, v };
  }
}
