import { LOWEST_STEP } from './quality-steps';

/** Tuning of the adaptive quality controller (times in ms). */
export interface QualityControllerOptions {
  /** Frame time to stay under (33.3 ms: 30 frames per second). */
  budgetMs: number;
  /** Slow frames (smoothed time over the budget) in a row before stepping down. */
  slowFramesToStepDown: number;
  /** Fast frames (smoothed time under `headroom` × budget) in a row before stepping up. */
  fastFramesToStepUp: number;
  /** Fraction of the budget a frame must stay under to count as fast. */
  headroom: number;
  /** Least time between two changes. */
  minDwellMs: number;
  /** Weight of the newest frame in the smoothed frame time. */
  smoothing: number;
}

export const DEFAULT_QUALITY_OPTIONS: QualityControllerOptions = {
  budgetMs: 1000 / 30,
  slowFramesToStepDown: 12,
  fastFramesToStepUp: 90,
  headroom: 0.6,
  minDwellMs: 2000,
  smoothing: 0.2,
};

/**
 * Chooses the quality step from the times of frames actually drawn. It steps down one step (see quality-steps)
 * after a run of slow frames and back up one step only after a much longer run of frames well under the
 * budget, never sooner than `minDwellMs` after the last change. Between the two thresholds (budget and
 * `headroom` × budget) it holds, so a noisy signal near the budget does not make it oscillate. Pure: the caller
 * feeds it frame times and clock readings.
 */
export class QualityController {
  private smoothedMs: number | null = null;
  private slowRun = 0;
  private fastRun = 0;
  private changedAt: number;

  constructor(
    private current: number,
    now: number,
    private readonly options: QualityControllerOptions = DEFAULT_QUALITY_OPTIONS,
  ) {
    this.changedAt = now;
  }

  get step(): number {
    return this.current;
  }

  /** Feeds one drawn frame's time; returns the new step when it changed, else null. */
  sample(frameMs: number, now: number): number | null {
    if (!Number.isFinite(frameMs) || frameMs <= 0) return null;
    const o = this.options;
    this.smoothedMs =
      this.smoothedMs === null ? frameMs : this.smoothedMs + o.smoothing * (frameMs - this.smoothedMs);
    this.slowRun = this.smoothedMs > o.budgetMs ? this.slowRun + 1 : 0;
    this.fastRun = this.smoothedMs < o.budgetMs * o.headroom ? this.fastRun + 1 : 0;
    if (now - this.changedAt < o.minDwellMs) return null;
    if (this.slowRun >= o.slowFramesToStepDown && this.current < LOWEST_STEP)
      return this.change(this.current + 1, now);
    if (this.fastRun >= o.fastFramesToStepUp && this.current > 0) return this.change(this.current - 1, now);
    return null;
  }

  private change(step: number, now: number): number {
    this.current = step;
    this.changedAt = now;
    this.slowRun = 0;
    this.fastRun = 0;
    this.smoothedMs = null;
    return step;
  }
}
