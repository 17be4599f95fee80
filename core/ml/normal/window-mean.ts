/**
 * Mean of each tag over the last `rows` rows pushed (the window ends at the newest row), skipping missing
 * (NaN) values. Causal by construction: it only ever sees rows already pushed.
 */
export class TrailingMean {
  private readonly ring: Float64Array;
  private filled = 0;
  private next = 0;
  readonly means: Float64Array;
  /** Values present (not NaN) per tag in the current window. */
  readonly counts: Float64Array;

  constructor(
    private readonly tags: number,
    private readonly rows: number,
  ) {
    this.ring = new Float64Array(tags * rows).fill(Number.NaN);
    this.means = new Float64Array(tags);
    this.counts = new Float64Array(tags);
  }

  push(values: ArrayLike<number>): void {
    if (values.length !== this.tags)
      throw new Error(`TrailingMean: expected ${this.tags} values per row, got ${values.length}`);
    this.ring.set(values, this.next * this.tags);
    this.next = (this.next + 1) % this.rows;
    this.filled = Math.min(this.rows, this.filled + 1);
    // Summed afresh each row (tags × rows additions) so no rounding error builds up over a long stream.
    for (let j = 0; j < this.tags; j++) {
      let sum = 0;
      let count = 0;
      for (let r = 0; r < this.filled; r++) {
        const v = this.ring[r * this.tags + j]!;
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      this.means[j] = count > 0 ? sum / count : Number.NaN;
      this.counts[j] = count;
    }
  }
}
