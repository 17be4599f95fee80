import { hampelFilter } from '../../data/cleaning';
import { Quality } from '../../data/quality';
import type { NormalModel } from './model';

/**
 * The training rows' cleaning, done causally on rows as they arrive: a non-finite value or one outside the
 * tag's sensor range becomes missing (NaN); with a Hampel filter, a value far from the median of itself and
 * the previous `halfWindow` good values is replaced by that median (core/data/cleaning's hampelFilter run on
 * the trailing window, so no later row is looked at). Counts what it did per tag.
 */
export class LiveCleaner {
  private readonly history: number[][];
  readonly missing: Float64Array;
  readonly spikes: Float64Array;
  private readonly cleaned: Float64Array;

  constructor(private readonly model: NormalModel) {
    this.history = model.tags.map(() => []);
    this.missing = new Float64Array(model.tags.length);
    this.spikes = new Float64Array(model.tags.length);
    this.cleaned = new Float64Array(model.tags.length);
  }

  /** The cleaned row (a buffer reused by the next call). */
  clean(values: ArrayLike<number>): Float64Array {
    const hampel = this.model.hampel;
    this.model.tags.forEach((tag, j) => {
      const v = values[j]!;
      if (!Number.isFinite(v) || v < tag.range[0] || v > tag.range[1]) {
        this.missing[j]!++;
        this.cleaned[j] = Number.NaN;
        return;
      }
      if (!hampel) {
        this.cleaned[j] = v;
        return;
      }
      const past = this.history[j]!;
      past.push(v);
      if (past.length > hampel.halfWindow + 1) past.shift();
      const window = Float32Array.from(past);
      const quality = new Uint8Array(window.length).fill(Quality.good);
      hampelFilter(window, quality, { halfWindow: hampel.halfWindow, threshold: hampel.threshold });
      const last = window.length - 1;
      if (quality[last] === Quality.spike) this.spikes[j]!++;
      this.cleaned[j] = quality[last] === Quality.spike ? window[last]! : v;
    });
    return this.cleaned;
  }
}
