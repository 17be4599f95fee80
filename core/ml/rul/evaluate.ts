/**
 * Test protocol of C-MAPSS: one prediction per test unit, from the window ending at its last
 * cycle, compared with the true RUL after that cycle — raw and capped at the training cap.
 */
import type * as tf from '@tensorflow/tfjs';
import type { CmapssUnit } from '../../data/cmapss';
import { phm08Score, rmse } from '../metrics';
import { featureCount, lastWindows, type FeatureSpec } from './features';
import { predictRul } from './model';

export interface LastCycleEvaluation {
  units: number;
  capped: { rmse: number; score: number };
  raw: { rmse: number; score: number };
  /** Point predictions (cycles), one per unit. */
  predictions: Float32Array;
  q10: Float32Array;
  q90: Float32Array;
  /** Share of capped truths inside [q10, q90]. */
  intervalCoverage: number;
}

export function predictLastCycle(model: tf.LayersModel, units: readonly CmapssUnit[], spec: FeatureSpec) {
  const x = lastWindows(units, spec);
  return predictRul(model, x, units.length, spec.windowLength, featureCount(spec), spec.rulCap);
}

export function evaluateLastCycle(
  model: tf.LayersModel,
  units: readonly CmapssUnit[],
  rulAtEnd: ArrayLike<number>,
  spec: FeatureSpec,
): LastCycleEvaluation {
  if (rulAtEnd.length !== units.length)
    throw new Error(`RUL file has ${rulAtEnd.length} values but the test file has ${units.length} units`);
  const p = predictLastCycle(model, units, spec);
  const raw = Float32Array.from(rulAtEnd);
  const capped = raw.map((v) => Math.min(v, spec.rulCap));
  let inside = 0;
  for (let i = 0; i < capped.length; i++) if (capped[i]! >= p.q10[i]! && capped[i]! <= p.q90[i]!) inside++;
  return {
    units: units.length,
    capped: { rmse: rmse(p.mean, capped), score: phm08Score(p.mean, capped) },
    raw: { rmse: rmse(p.mean, raw), score: phm08Score(p.mean, raw) },
    predictions: p.mean,
    q10: p.q10,
    q90: p.q90,
    intervalCoverage: units.length ? inside / units.length : Number.NaN,
  };
}
