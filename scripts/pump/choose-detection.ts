/**
 * The health model's warning rule, chosen on validation: every candidate detection score's ROC-AUC and its
 * lowest threshold with at most VAL_FALSE_ALARMS_PER_DAY false alarms per 24 h of healthy running, windows
 * every THRESHOLD_STRIDE rows; the kind with the highest ROC-AUC among those within the budget wins.
 */
import type * as tf from '@tensorflow/tfjs';
import type { HealthInputSpec } from '../../core/ml/pump/features';
import type { HealthCard } from '../../core/ml/pump/card';
import { bestCandidate, detectionCandidates, healthyWindowCount } from '../../core/ml/pump/detection-choice';
import { DETECTION_SCORE_MEANING, type WarningRule } from '../../core/ml/pump/detection-score';
import { predictHealth, type HealthOutputs, type PumpEpisode } from '../../core/ml/pump/evaluate-health';
import { SAMPLE_PERIOD_S } from '../../core/ml/pump/spec';
import { HEALTH_DEBOUNCE, THRESHOLD_STRIDE, VAL_FALSE_ALARMS_PER_DAY } from './health-settings';

export interface DetectionChoice {
  rule: WarningRule;
  choice: NonNullable<HealthCard['threshold']['choice']>;
  /** The model's outputs on the validation episodes, windows every THRESHOLD_STRIDE rows. */
  outputs: HealthOutputs;
}

/** Chooses score kind and threshold for `model` on the validation episodes `val` of data set `datasetHash`. */
export function chooseDetection(
  model: tf.LayersModel,
  val: readonly PumpEpisode[],
  stats: HealthInputSpec,
  datasetHash: string,
): DetectionChoice {
  const outputs = predictHealth(model, val, stats, THRESHOLD_STRIDE);
  const stepHours = (THRESHOLD_STRIDE * SAMPLE_PERIOD_S) / 3600;
  const candidates = detectionCandidates(outputs, val, stepHours, VAL_FALSE_ALARMS_PER_DAY, HEALTH_DEBOUNCE);
  const best = bestCandidate(candidates, VAL_FALSE_ALARMS_PER_DAY);
  const healthyWindows = healthyWindowCount(outputs, val);
  return {
    rule: { score: best.kind, threshold: best.threshold, debounce: HEALTH_DEBOUNCE },
    choice: {
      datasetHash,
      valEpisodes: val.length,
      valHealthyEpisodes: val.filter((e) => e.kind === 'healthy').length,
      valHealthyHours: Math.round(healthyWindows * stepHours * 100) / 100,
      windowStride: THRESHOLD_STRIDE,
      maxFalseAlarmsPer24h: VAL_FALSE_ALARMS_PER_DAY,
      candidates,
    },
    outputs,
  };
}

/** The card's words for the rule. */
export function ruleText(rule: WarningRule): string {
  return (
    `warn when ${DETECTION_SCORE_MEANING[rule.score]} is ≥ threshold on ${rule.debounce} successive windows; ` +
    `score and threshold chosen on validation (windows every ${THRESHOLD_STRIDE} min): of the candidate scores, ` +
    `the highest ROC-AUC among those whose lowest threshold with ≤ ${VAL_FALSE_ALARMS_PER_DAY} false alarms per 24 h ` +
    `of healthy running meets that budget`
  );
}
