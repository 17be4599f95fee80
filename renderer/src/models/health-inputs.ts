/**
 * What the health model running under the live model id takes as input. Every load of it (the shipped
 * files, a registry version, a deployed retrain) sets this, so the live loop and replay feed the model that
 * is actually running: an older version takes the window only, the current one the long baseline as well.
 */
import type { NormalizationStats } from '../../../core/data/normalization';

export interface HealthModelInputs {
  /** The card's normalization statistics. */
  stats: NormalizationStats;
  /** The card's long-baseline deviation scale (core/ml/pump/baseline.ts); absent on an older card. */
  baseline?: { scale: readonly number[] } | undefined;
  /** 1: the window only; 2: the window and its long baseline. */
  inputCount: number;
}

let live: HealthModelInputs | null = null;

/** The inputs of the health model running now, or null before one is loaded. */
export const liveHealthInputs = (): HealthModelInputs | null => live;

/** Called by loadHealthModel once a health model runs under the live id. */
export function setLiveHealthInputs(inputs: HealthModelInputs): void {
  live = inputs;
}
