/**
 * Calibration of a trained health model on validation: Platt scaling per component and fault-class
 * offsets (both folded into the model), then the warning threshold.
 */
import type * as tf from '@tensorflow/tfjs';
import type { NormalizationStats } from '../../core/data/normalization';
import { predictHealth, type HealthOutputs, type PumpEpisode } from '../../core/ml/pump/evaluate-health';
import { fitClassOffsets, foldClassOffsets, foldPlatt } from '../../core/ml/pump/health-calibration';
import { chooseThreshold, detectionScores, fitPlatt, logit } from '../../core/ml/pump/health-metrics';
import { expectedCalibrationError } from '../../core/ml/metrics';
import { ANOMALY_COMPONENTS, SAMPLE_PERIOD_S } from '../../core/ml/pump/spec';
import type { ProgressBar } from '../lib/progress';
import { HEALTH_DEBOUNCE, HEALTH_STRIDE, VAL_FALSE_ALARMS_PER_DAY } from './health-settings';

export interface CalibratedHealth {
  /** Platt parameters per anomaly component. */
  platt: { a: number; b: number }[];
  eceBefore: number;
  eceAfter: number;
  offsets: ReturnType<typeof fitClassOffsets>;
  threshold: number;
  /** The calibrated model's outputs on the validation episodes. */
  calibrated: HealthOutputs;
}

/** Calibrates `model` in place on the validation episodes and chooses its threshold. */
export function calibrateHealth(
  model: tf.LayersModel,
  val: readonly PumpEpisode[],
  stats: NormalizationStats,
  bar: ProgressBar,
): CalibratedHealth {
  const K = ANOMALY_COMPONENTS.length;
  const vOut = predictHealth(model, val, stats, HEALTH_STRIDE.val);
  const platt = ANOMALY_COMPONENTS.map((_, k) => {
    const z = Array.from({ length: vOut.count }, (_, i) => logit(vOut.anomaly[i * K + k]!));
    const y = Array.from({ length: vOut.count }, (_, i) => vOut.labels.anomaly[i * K + k]!);
    return fitPlatt(z, y);
  });
  const ece = (a: Float32Array, l: Float32Array) => expectedCalibrationError(a, l);
  const eceBefore = ece(vOut.anomaly, vOut.labels.anomaly);
  foldPlatt(model, platt);
  const offsets = fitClassOffsets(vOut.faultProbs, vOut.labels.faultClass, vOut.count);
  foldClassOffsets(model, offsets.offsets);
  bar.log(
    `health: validation macro-F1 ${offsets.macroF1Before.toFixed(3)} → ${offsets.macroF1After.toFixed(3)} with class offsets ${offsets.offsets.join(' ')}`,
  );
  const vCal = predictHealth(model, val, stats, HEALTH_STRIDE.val);
  const eceAfter = ece(vCal.anomaly, vCal.labels.anomaly);
  const vScores = detectionScores(vCal.anomaly, vCal.count);
  const healthySeqs = val.map((e, k) => {
    const s: number[] = [];
    for (let i = 0; i < vCal.count; i++)
      if (vCal.frameIndex[i] === k && vCal.endRow[i]! < e.onsetRow) s.push(vScores[i]!);
    return s;
  });
  const threshold = chooseThreshold(
    healthySeqs,
    (HEALTH_STRIDE.val * SAMPLE_PERIOD_S) / 3600,
    VAL_FALSE_ALARMS_PER_DAY,
    HEALTH_DEBOUNCE,
  );
  return { platt, eceBefore, eceAfter, offsets, threshold, calibrated: vCal };
}
