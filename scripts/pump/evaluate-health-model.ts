/** Figures of a calibrated health model under its warning rule: validation (logged), held-out test, and the fixture episodes. */
import type * as tf from '@tensorflow/tfjs';
import type { AssetDefinition } from '../../core/asset/schema';
import type { HealthInputSpec } from '../../core/ml/pump/features';
import type { HealthCard } from '../../core/ml/pump/card';
import {
  healthMetrics,
  predictHealth,
  type HealthMetrics,
  type HealthOutputs,
  type PumpEpisode,
} from '../../core/ml/pump/evaluate-health';
import type { ProgressBar } from '../lib/progress';
import { fixtureEpisodes } from './common';
import type { LoadedDataset } from './dataset-io';
import { healthFixtureMetrics } from './health-fixture';
import { HEALTH_FIXTURE_FAULTS, HEALTH_STRIDE, THRESHOLD_STRIDE, WHY_STRIDE } from './health-settings';
import type { WarningRule } from '../../core/ml/pump/detection-score';
import { signatureShares, type SignatureShare } from '../../core/ml/pump/why-metrics';

/** The card's part of the signature shares (NaN, where no episode was detected, as null). */
export function cardShares(s: Record<string, SignatureShare>): HealthEvaluation['whySignatureShare'] {
  const orNull = (x: number) => (Number.isFinite(x) ? x : null);
  return Object.fromEntries(
    Object.entries(s).map(([fault, v]) => [
      fault,
      {
        detectedEpisodes: v.detectedEpisodes,
        episodeShare: orNull(v.episodeShare),
        windowShare: orNull(v.windowShare),
      },
    ]),
  );
}

export interface HealthEvaluation {
  validation: HealthCard['validation'];
  /** Test windows evaluated. */
  testWindows: number;
  test: HealthMetrics;
  fixture: HealthCard['fixture']['episodes'];
  fixtureMetrics: Record<string, number>;
  whySignatureShare: NonNullable<HealthCard['test']['whySignatureShare']>;
}

/** Validation figures from the calibrated outputs (windows every THRESHOLD_STRIDE rows), with one summary line. */
function validationFigures(
  vCal: HealthOutputs,
  val: readonly PumpEpisode[],
  asset: AssetDefinition,
  rule: WarningRule,
  bar: ProgressBar,
): HealthCard['validation'] {
  const vm = healthMetrics(vCal, val, asset, rule, THRESHOLD_STRIDE);
  bar.log(
    `health validation (${rule.score} ≥ ${rule.threshold}): ROC-AUC ${vm.detectionRocAuc.toFixed(4)}, false alarms ${vm.falseAlarmsPer24h.toFixed(2)}/24 h, ` +
      `macro-F1 ${vm.faultTypeMacroF1.toFixed(3)} (${Object.entries(vm.perClassF1)
        .map(([c, f]) => `${c} ${f.toFixed(2)}`)
        .join(', ')}), RUL RMSE ${vm.rulRmseHours.toFixed(2)} h`,
  );
  return {
    detectionRocAuc: vm.detectionRocAuc,
    falseAlarmsPer24h: vm.falseAlarmsPer24h,
    faultTypeMacroF1: vm.faultTypeMacroF1,
    perClassF1: vm.perClassF1,
    rulRmseHours: vm.rulRmseHours,
  };
}

export function evaluateHealthModel(
  model: tf.LayersModel,
  ds: LoadedDataset,
  episodes: { val: readonly PumpEpisode[]; test: readonly PumpEpisode[] },
  calibrated: HealthOutputs,
  rule: WarningRule,
  asset: AssetDefinition,
  stats: HealthInputSpec,
  bar: ProgressBar,
): HealthEvaluation {
  const validation = validationFigures(calibrated, episodes.val, asset, rule, bar);
  const tOut = predictHealth(model, episodes.test, stats, HEALTH_STRIDE.test);
  const test = healthMetrics(tOut, episodes.test, asset, rule, HEALTH_STRIDE.test);
  const fixture = fixtureEpisodes(ds, HEALTH_FIXTURE_FAULTS);
  const fixtureMetrics = healthFixtureMetrics(model, fixture, asset, stats, rule);
  const whySignatureShare = cardShares(signatureShares(model, episodes.test, stats, rule, WHY_STRIDE));
  return { validation, testWindows: tOut.count, test, fixture, fixtureMetrics, whySignatureShare };
}
