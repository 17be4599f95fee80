import { AlarmLatch } from './alarm-latch';
import { scoreWindow } from './level-score';
import { LiveCleaner } from './live-cleaning';
import type { NormalModel } from './model';
import { TrailingMean } from './window-mean';

/** What the scorer says about one row. */
export interface RowScore {
  /** Largest Gaussian-equivalent deviation of any tag's window mean (z units). */
  score: number;
  /** Whether the alarm is active after this row (persistence and hysteresis applied). */
  alarm: boolean;
  /** Signed deviation per tag, in model tag order (positive: above normal); a fresh array per row. */
  contributions: Float64Array;
}

/**
 * Scores rows one at a time, in order: a row's score and alarm depend on that row and earlier rows only
 * (cleaning, window mean and alarm latch are all trailing). Feed the rows that precede the first one you
 * want marked (e.g. the training rows) to fill the window.
 */
export class CausalScorer {
  private readonly cleaner: LiveCleaner;
  private readonly window: TrailingMean;
  private readonly latch: AlarmLatch;

  constructor(readonly model: NormalModel) {
    this.cleaner = new LiveCleaner(model);
    this.window = new TrailingMean(model.tags.length, model.windowRows);
    this.latch = new AlarmLatch(model.persistence, model.threshold);
  }

  /** Scores the next row: one value per model tag, in model tag order (NaN where missing). */
  push(values: ArrayLike<number>): RowScore {
    if (values.length !== this.model.tags.length)
      throw new Error(
        `CausalScorer: expected ${this.model.tags.length} values per row, got ${values.length}`,
      );
    this.window.push(this.cleaner.clean(values));
    const contributions = new Float64Array(this.model.tags.length);
    const score = scoreWindow(this.model, this.window.means, this.window.counts, contributions);
    return { score, alarm: this.latch.update(score), contributions };
  }

  /** Values the live cleaning treated as missing, and spikes it replaced, per tag so far. */
  cleaningCounts(): { missing: Float64Array; spikes: Float64Array } {
    return { missing: this.cleaner.missing.slice(), spikes: this.cleaner.spikes.slice() };
  }
}

/** Tag ids ranked by how much each drove a row's score, largest absolute deviation first. */
export function rankContributions(model: NormalModel, contributions: ArrayLike<number>): string[] {
  return model.tags
    .map((t, j) => ({ id: t.id, z: Math.abs(contributions[j]!) }))
    .sort((a, b) => b.z - a.z)
    .map((c) => c.id);
}
