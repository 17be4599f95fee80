import type { TelemetryBatch } from '../../core/api/types';

/** Collects samples into one columnar batch; nulls stand for NaN so JSON keeps them. */
export class TelemetryBatcher {
  private t: number[] = [];
  private values: (number | null)[][];
  private quality: number[][];

  constructor(
    private readonly assetId: string,
    private readonly tagCount: number,
  ) {
    this.values = Array.from({ length: tagCount }, () => []);
    this.quality = Array.from({ length: tagCount }, () => []);
  }

  get size(): number {
    return this.t.length;
  }

  add(time: number, values: Float32Array, quality: Uint8Array): void {
    this.t.push(time);
    for (let k = 0; k < this.tagCount; k++) {
      const v = values[k] ?? Number.NaN;
      (this.values[k] as (number | null)[]).push(Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);
      (this.quality[k] as number[]).push(quality[k] ?? 3);
    }
  }

  /** Returns the batch collected so far and starts a new one. */
  take(): TelemetryBatch {
    const batch: TelemetryBatch = {
      assetId: this.assetId,
      t: this.t,
      values: this.values,
      quality: this.quality,
    };
    this.t = [];
    this.values = Array.from({ length: this.tagCount }, () => []);
    this.quality = Array.from({ length: this.tagCount }, () => []);
    return batch;
  }
}

/** Merges consecutive batches of the same asset into one (for a client that fell behind). */
export function mergeBatches(a: TelemetryBatch, b: TelemetryBatch): TelemetryBatch {
  if (a.assetId !== b.assetId || a.values.length !== b.values.length) return b;
  return {
    assetId: a.assetId,
    t: a.t.concat(b.t),
    values: a.values.map((col, k) => col.concat(b.values[k] ?? [])),
    quality: a.quality.map((col, k) => col.concat(b.quality[k] ?? [])),
  };
}
