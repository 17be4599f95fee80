/**
 * Calibration of a trained health model on validation: Platt scaling per component, fault-class offsets and
 * the RUL's spread (all folded into the model), then the warning rule (detection score and threshold).
 */
import type * as tf from '@tensorflow/tfjs';
import type { HealthInputSpec } from '../../core/ml/pump/features';
import { predictHealth, type PumpEpisode } from '../../core/ml/pump/evaluate-health';
import { fitClassOffsets, foldClassOffsets, foldPlatt } from '../../core/ml/pump/health-calibration';
import { fitPlatt, logit } from '../../core/ml/pump/health-metrics';
import { expectedCalibrationError } from '../../core/ml/metrics';
import { fitRulSigmaOffset, foldRulSigmaOffset } from '../../core/ml/pump/rul-calibration';
import { ANOMALY_COMPONENTS } from '../../core/ml/pump/spec';
import type { ProgressBar } from '../lib/progress';
import { chooseDetection, type DetectionChoice } from './choose-detection';
import { HEALTH_STRIDE } from './health-settings';

export interface CalibratedHealth {
  /** Platt parameters per anomaly component. */
  platt: { a: number; b: number }[];
  eceBefore: number;
  eceAfter: number;
  offsets: ReturnType<typeof fitClassOffsets>;
  /** Offset added to the RUL's log σ so that ±1σ holds 68 % of the validation windows. */
  rulSigma: ReturnType<typeof fitRulSigmaOffset>;
  /** Warning rule chosen on the validation episodes, with the calibrated model's outputs there. */
  detection: DetectionChoice;
}

/** Calibrates `model` in place on the validation episodes (of data set `datasetHash`) and chooses its warning rule. */
export function calibrateHealth(
  model: tf.LayersModel,
  val: readonly PumpEpisode[],
  stats: HealthInputSpec,
  datasetHash: string,
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
  const rulSigma = fitRulSigmaOffset(vOut.rul, vOut.labels.logRul, vOut.labels.faultClass, vOut.count);
  foldRulSigmaOffset(model, rulSigma.offset);
  bar.log(
    `health: validation RUL ±1σ coverage ${rulSigma.coverageBefore.toFixed(3)} → ${rulSigma.coverageAfter.toFixed(3)} with log σ offset ${rulSigma.offset}`,
  );
  bar.log(
    `health: validation macro-F1 ${offsets.macroF1Before.toFixed(3)} → ${offsets.macroF1After.toFixed(3)} with class offsets ${offsets.offsets.join(' ')}`,
  );
  const vCal = predictHealth(model, val, stats, HEALTH_STRIDE.val);
  const eceAfter = ece(vCal.anomaly, vCal.labels.anomaly);
  const detection = chooseDetection(model, val, stats, datasetHash);
  return { platt, eceBefore, eceAfter, offsets, rulSigma, detection };
}
