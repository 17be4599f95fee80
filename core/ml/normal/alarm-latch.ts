import type { PersistenceOptions } from './options';

/**
 * Persistence and hysteresis for one alarm: raised when at least `raiseCount` of the last `raiseWindow`
 * scores were over the threshold, cleared after `clearRows` scores in a row below `clearRatio` × threshold
 * (which also forgets the over-threshold history, so a cleared alarm does not re-raise on old rows). A NaN
 * score (no data) neither raises nor clears. Clearing after a whole window's worth of rows keeps one alarm
 * through an episode whose window mean dips back for a few rows.
 */
export class AlarmLatch {
  private readonly over: Uint8Array;
  private at = 0;
  private overCount = 0;
  private belowRows = 0;
  active = false;

  constructor(
    private readonly persistence: PersistenceOptions,
    private readonly threshold: number,
  ) {
    this.over = new Uint8Array(persistence.raiseWindow);
  }

  update(score: number): boolean {
    const isOver = score > this.threshold ? 1 : 0;
    this.overCount += isOver - this.over[this.at]!;
    this.over[this.at] = isOver;
    this.at = (this.at + 1) % this.over.length;
    if (!this.active) {
      this.active = this.overCount >= this.persistence.raiseCount;
      this.belowRows = 0;
    } else if (!Number.isNaN(score)) {
      this.belowRows = score < this.persistence.clearRatio * this.threshold ? this.belowRows + 1 : 0;
      if (this.belowRows >= this.persistence.clearRows) {
        this.active = false;
        this.over.fill(0);
        this.overCount = 0;
      }
    }
    return this.active;
  }
}
