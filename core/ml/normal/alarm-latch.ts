import type { PersistenceOptions } from './options';

/**
 * Persistence and hysteresis for one alarm: raised when at least `raiseCount` of the last `raiseWindow`
 * scores were over the threshold, cleared on the first score below `clearRatio` × threshold (which also
 * forgets the over-threshold history, so a cleared alarm does not re-raise on old rows). A NaN score (no
 * data) neither raises nor clears.
 */
export class AlarmLatch {
  private readonly over: Uint8Array;
  private at = 0;
  private overCount = 0;
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
    if (!this.active && this.overCount >= this.persistence.raiseCount) this.active = true;
    else if (this.active && score < this.persistence.clearRatio * this.threshold) {
      this.active = false;
      this.over.fill(0);
      this.overCount = 0;
    }
    return this.active;
  }
}
