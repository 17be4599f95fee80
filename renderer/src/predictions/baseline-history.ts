/**
 * The history store's rows before the live window, for a health model with a long-baseline input: a grid
 * of BASELINE_HISTORY_ROWS minutes, fetched in the background and refreshed at most every few plant
 * minutes. A tick never waits for it: until the first grid arrives the model predicts without the older
 * rows (its baseline then reports itself unavailable, as in training).
 */
import type { HistoryGrid } from '../../../core/api/domains/history';
import type { TwinApi } from '../../../core/api/twin-api';
import { BASELINE_HISTORY_ROWS } from '../../../core/ml/pump/baseline';
import { SAMPLE_PERIOD_S } from '../../../core/ml/pump/spec';

/** Plant time between two requests at most: a baseline of hours hardly moves in a few minutes. */
export const BASELINE_REFRESH_MS = 5 * 60_000;

export class BaselineHistory {
  private grid: HistoryGrid | null = null;
  private requestedAt = Number.NaN;
  private pending = false;
  /** Bumped by reset(), so an answer to an older request is dropped. */
  private generation = 0;

  constructor(
    private readonly history: Pick<TwinApi, 'historyGrid'>,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Forgets the grid (another asset or model); the next call to `at` asks for a new one. */
  reset(): void {
    this.grid = null;
    this.requestedAt = Number.NaN;
    this.pending = false;
    this.generation++;
  }

  /**
   * The newest grid that has arrived, or null; asks for a fresh one ending at `plantTime`, without waiting,
   * when none was asked for in the last BASELINE_REFRESH_MS of plant time (or the plant clock went back).
   */
  at(plantTime: number): HistoryGrid | null {
    const age = plantTime - this.requestedAt;
    if (!this.pending && !(age >= 0 && age < BASELINE_REFRESH_MS)) this.request(plantTime);
    return this.grid;
  }

  private request(plantTime: number): void {
    const generation = this.generation;
    this.pending = true;
    this.requestedAt = plantTime;
    this.history
      .historyGrid({
        to: Math.round(plantTime),
        steps: BASELINE_HISTORY_ROWS,
        stepMs: SAMPLE_PERIOD_S * 1000,
      })
      .then(
        (grid) => {
          if (generation === this.generation) this.grid = grid;
        },
        (e: unknown) => {
          if (generation === this.generation) this.onError(e);
        },
      )
      .finally(() => {
        if (generation === this.generation) this.pending = false;
      });
  }
}
