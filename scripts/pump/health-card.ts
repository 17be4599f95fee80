/** Assembles the health model's card from the training run, calibration and evaluation. */
import { BASELINE_HOURS, BASELINE_RECENT_ROWS } from '../../core/ml/pump/baseline';
import * as tf from '@tensorflow/tfjs';
import type { NormalizationStats } from '../../core/data/normalization';
import { PUMP_CARD_SCHEMA_VERSION, type HealthCard } from '../../core/ml/pump/card';
import { PUMP_CLEAN_OPTIONS } from '../../core/ml/pump/features';
import { DEFAULT_HEALTH, describeHealth } from '../../core/ml/pump/health-model';
import {
  ANOMALY_COMPONENTS,
  BALANCE_CHANNELS,
  FAULT_CLASSES,
  PAST_VALUE_CHANNELS,
  RUL_CAP_HOURS,
  SAMPLE_PERIOD_S,
  WINDOW_LENGTH,
} from '../../core/ml/pump/spec';
import type { CalibratedHealth } from './calibrate-health';
import { datasetSection, shapesOf } from './common';
import type { LoadedDataset } from './dataset-io';
import type { HealthEvaluation } from './evaluate-health-model';
import { BASELINE_TRAINING_STARTS, type HealthFit } from './health-fit';
import { HEALTH_STRIDE } from './health-settings';
import { ruleText, type DetectionChoice } from './choose-detection';
import type { TrainOpts } from './train-options';

export interface HealthRun {
  ds: LoadedDataset;
  stats: NormalizationStats;
  o: TrainOpts;
  fit: HealthFit;
  calibration: CalibratedHealth;
  evaluation: HealthEvaluation;
  /** Held-out test episodes. */
  testEpisodes: number;
}

/** The card, with `architecture.weightsBytes` a placeholder until the weights are saved. */
export function healthCard(r: HealthRun): HealthCard {
  const { ds, stats, o, fit, calibration: cal, evaluation: ev } = r;
  const { model, result } = fit;
  const cfg = { ...DEFAULT_HEALTH, seed: o.seed };
  return {
    schemaVersion: PUMP_CARD_SCHEMA_VERSION,
    asset: 'pump-skid',
    model: 'health',
    createdAt: new Date().toISOString(),
    task: 'per-component anomaly probability, fault type and remaining useful life (hours to the first trip)  from the last 48 min of the skid',
    architecture: {
      summary: describeHealth(cfg),
      parameterCount: model.countParams(),
      weightsBytes: 1,
      inputs: shapesOf(model, 'inputs'),
      outputs: shapesOf(model, 'outputs').map((s) => ({
        ...s,
        meaning:
          s.name === 'anomaly'
            ? `calibrated anomaly probability per component: ${ANOMALY_COMPONENTS.map((c) => c.id).join(', ')}`
            : s.name === 'fault_type'
              ? `probability per fault class: ${FAULT_CLASSES.join(', ')}`
              : 'μ and log σ of ln(1 + RUL hours); RUL ≈ exp(μ) − 1, interval exp(μ ± σ) − 1; meaningful when a degrading fault is likely',
      })),
    },
    dataset: datasetSection(
      ds,
      { train: fit.windows.train, val: fit.windows.val, test: ev.testWindows },
      { train: HEALTH_STRIDE.train, eval: HEALTH_STRIDE.test },
    ),
    features: {
      samplePeriodS: SAMPLE_PERIOD_S,
      windowLength: WINDOW_LENGTH,
      horizon: 0,
      valueChannels: [...PAST_VALUE_CHANNELS],
      maskChannels: true,
      futureChannels: [],
      cleaning: `core/data cleanFrame ${JSON.stringify(PUMP_CLEAN_OPTIONS)}; bad samples enter as 0 with mask 0`,
    },
    normalization: stats,
    training: {
      seed: o.seed,
      epochsMax: o.epochs,
      epochsRun: result.epochsRun,
      bestEpoch: result.bestEpoch,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      maxWindowsPerEpoch: o.maxWindowsPerEpoch,
      loss: `3·BCE(anomaly) + CE(fault type, class weights ${fit.classWeights.map((w) => w.toFixed(2)).join('/')}) + 0.5·Gaussian NLL of ln(1+RUL h) (masked to degrading-fault windows); Adam, ${o.schedule === 'cosine' ? 'cosine decay to 5 % over the epochs' : 'halved after two epochs without improvement'}${o.clipNorm !== undefined ? `, gradients clipped to a global norm of ${o.clipNorm}` : ''}`,
      timeSeconds: Math.round(fit.timeSeconds),
      tfjsVersion: tf.version.tfjs,
      backend: o.backend,
    },
    fixture: { episodes: ev.fixture, windowStride: HEALTH_STRIDE.test, metrics: ev.fixtureMetrics },
    components: ANOMALY_COMPONENTS.map((c) => ({ id: c.id, faults: [...c.faults] })),
    faultClasses: [...FAULT_CLASSES],
    rul: {
      capHours: RUL_CAP_HOURS,
      target:
        'hours until the first trip: a true value beyond any trip limit of the asset, the event the what-if counts as "Time to trip"; ' +
        `where the recorded episode ends first, the simulator runs on with the setpoints held; ${RUL_CAP_HOURS} h where no trip comes within ${RUL_CAP_HOURS} h (e.g. bearing wear and cooling failure at full severity never reach a trip limit in this simulator)`,
    },
    baseline: {
      hours: BASELINE_HOURS,
      recentRows: BASELINE_RECENT_ROWS,
      channels: [...BALANCE_CHANNELS],
      scale: [...fit.spec.baseline.scale],
      training: BASELINE_TRAINING_STARTS,
    },
    calibration: {
      method: 'platt',
      perComponent: cal.platt,
      eceBefore: cal.eceBefore,
      eceAfter: cal.eceAfter,
      classOffsets: cal.offsets.offsets,
      valMacroF1Before: cal.offsets.macroF1Before,
      valMacroF1After: cal.offsets.macroF1After,
      rulLogSigmaOffset: cal.rulSigma.offset,
      valRulCoverageBefore: cal.rulSigma.coverageBefore,
      valRulCoverageAfter: cal.rulSigma.coverageAfter,
    },
    threshold: thresholdSection(cal.detection),
    validation: ev.validation,
    test: {
      protocol: `${r.testEpisodes} held-out test episodes, windows ending every ${HEALTH_STRIDE.test} min; lead time = first AlarmEngine alarm after onset − first model warning (where no alarm is ever raised, the episode end is used)`,
      ...ev.test,
      whySignatureShare: ev.whySignatureShare,
    },
  };
}

/** The card's threshold section: the warning rule and how it was chosen. */
export function thresholdSection(d: Pick<DetectionChoice, 'rule' | 'choice'>): HealthCard['threshold'] {
  return {
    value: d.rule.threshold,
    debounceWindows: d.rule.debounce,
    score: d.rule.score,
    rule: ruleText(d.rule),
    choice: d.choice,
  };
}
