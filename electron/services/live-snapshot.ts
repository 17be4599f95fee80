import type { PumpSkidSnapshot } from '../../core/sim';

/**
 * A simulator state worth keeping for forks from the past: every `snapshotEveryS` of simulated time, at the
 * start of a run, and after every input (setpoint, fault), so that between two states the run had no input
 * and replaying `step(stepS)` + `sample` from the older one reproduces the live run exactly.
 */
export interface LiveSnapshot {
  /** Taken in this sandbox run, not the plant (see LiveSimulation.startRun). */
  runId?: string;
  reason: 'start' | 'interval' | 'input';
  /** Simulated seconds per sample: what to replay with. */
  stepS: number;
  snapshot: PumpSkidSnapshot;
}

/** 5 simulated minutes: ~290 states a day (~0.2 MB stored), at most 300 samples to replay for a fork. */
export const SNAPSHOT_EVERY_S = 300;

/** Mean of the recent ticks' speed, for the status bar's "achieved" figure. */
export class SpeedMeter {
  private simS = 0;
  private wallS = 0;
  add(simSeconds: number, wallSeconds: number): void {
    this.simS = this.simS * 0.95 + simSeconds;
    this.wallS = this.wallS * 0.95 + wallSeconds;
  }
  get value(): number {
    return this.wallS > 0 ? this.simS / this.wallS : 0;
  }
}
