/** Trains, calibrates and evaluates the pump-skid health model; writes models/pump-skid/health/. */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { AssetDefinition } from '../../core/asset/schema';
import type { NormalizationStats } from '../../core/data/normalization';
import { healthCardSchema, PUMP_CARD_SCHEMA_VERSION, type HealthCard } from '../../core/ml/pump/card';
import {
  episodeFromRun,
  healthMetrics,
  predictHealth,
  type PumpEpisode,
} from '../../core/ml/pump/evaluate-health';
import { planEpisode, runEpisode } from '../../core/ml/pump/episodes';
import { healthWindows, PUMP_CLEAN_OPTIONS } from '../../core/ml/pump/features';
import {
  chooseThreshold,
  detectionScores,
  fitPlatt,
  logit,
  windowLabels,
} from '../../core/ml/pump/health-metrics';
import {
  buildHealthModel,
  DEFAULT_HEALTH,
  describeHealth,
  healthLoss,
} from '../../core/ml/pump/health-model';
import { fitModel } from '../../core/ml/pump/train-loop';
import { fitClassOffsets, foldClassOffsets, foldPlatt } from '../../core/ml/pump/health-calibration';
import { expectedCalibrationError } from '../../core/ml/metrics';
import {
  ANOMALY_COMPONENTS,
  FAULT_CLASSES,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  RUL_CAP_HOURS,
  SAMPLE_PERIOD_S,
  WINDOW_LENGTH,
} from '../../core/ml/pump/spec';
import { createProgressBar } from '../lib/progress';
import {
  datasetSection,
  epochProgress,
  fixtureEpisodes,
  PUMP_MODEL_DIR,
  saveWithCard,
  shapesOf,
} from './common';
import type { LoadedDataset } from './dataset-io';
import { splitEpisodes } from './episodes-io';

export interface TrainOpts {
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  maxWindowsPerEpoch: number;
  patience: number;
  deadline?: number;
  backend: string;
  schedule: 'plateau' | 'cosine';
  /** Cross-entropy weight of class c ∝ (windows / (classes · windows of c))^power; 0 = unweighted. */
  classWeightPower: number;
}

export const HEALTH_STRIDE = { train: 6, val: 10, test: 5 };
export const HEALTH_DEBOUNCE = 2;
/** Threshold rule: the lowest with at most this many false alarms per 24 h on validation healthy running. */
const VAL_FALSE_ALARMS_PER_DAY = 0.5;
export const HEALTH_FIXTURE_FAULTS = ['bearing_wear', 'seal_leak', 'cooling_failure'];

function oneHot(cls: Int32Array, idx: Int32Array): tf.Tensor2D {
  return tf.oneHot(
    tf.tensor1d(
      Array.from(idx, (i) => cls[i]!),
      'int32',
    ),
    FAULT_CLASSES.length,
  ) as tf.Tensor2D;
}

export async function trainHealth(
  ds: LoadedDataset,
  asset: AssetDefinition,
  stats: NormalizationStats,
  o: TrainOpts,
): Promise<HealthCard> {
  const train = splitEpisodes(ds, 'train').episodes;
  const val = splitEpisodes(ds, 'val').episodes;
  const test = splitEpisodes(ds, 'test').episodes;
  const tw = healthWindows(
    train.map((e) => e.frame),
    stats,
    HEALTH_STRIDE.train,
  );
  const tl = windowLabels(tw.frameIndex, tw.endRow, train);
  const vw = healthWindows(
    val.map((e) => e.frame),
    stats,
    HEALTH_STRIDE.val,
  );
  const vl = windowLabels(vw.frameIndex, vw.endRow, val);
  const model = buildHealthModel({ ...DEFAULT_HEALTH, seed: o.seed });
  const weights = classWeights(tl.faultClass, o.classWeightPower);
  const cw = tf.tensor1d(weights);
  const K = ANOMALY_COMPONENTS.length;
  const per = WINDOW_LENGTH * PAST_CHANNELS;
  const bar = createProgressBar();
  bar.log(
    `health: ${tw.count} train windows, ${vw.count} val windows, ${model.countParams()} parameters, backend ${o.backend}`,
  );
  const batchTensors = (w: typeof tw, l: typeof tl, idx: Int32Array) => {
    const n = idx.length;
    const x = new Float32Array(n * per);
    const an = new Float32Array(n * K);
    const lr = new Float32Array(n);
    const mask = new Float32Array(n);
    idx.forEach((i, k) => {
      x.set(w.past.subarray(i * per, (i + 1) * per), k * per);
      an.set(l.anomaly.subarray(i * K, (i + 1) * K), k * K);
      const y = l.logRul[i]!;
      lr[k] = Number.isFinite(y) ? y : 0;
      mask[k] = Number.isFinite(y) ? 1 : 0;
    });
    return {
      x: tf.tensor3d(x, [n, WINDOW_LENGTH, PAST_CHANNELS]),
      an: tf.tensor2d(an, [n, K]),
      fo: oneHot(l.faultClass, idx),
      lr: tf.tensor1d(lr),
      mask: tf.tensor1d(mask),
    };
  };
  const valIdx = Int32Array.from({ length: Math.min(vw.count, 3000) }, (_, i) =>
    Math.floor((i * vw.count) / Math.min(vw.count, 3000)),
  );
  const t0 = performance.now();
  const result = await fitModel(model, {
    count: tw.count,
    epochs: o.epochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    patience: o.patience,
    maxWindowsPerEpoch: o.maxWindowsPerEpoch,
    seed: o.seed,
    schedule: o.schedule,
    ...(o.deadline !== undefined ? { deadline: o.deadline } : {}),
    batchLoss: (idx) => {
      const b = batchTensors(tw, tl, idx);
      const out = model.apply(b.x, { training: true }) as tf.Tensor[];
      return healthLoss(out, b.an, b.fo, b.lr, b.mask, cw);
    },
    validate: () => {
      let sum = 0;
      for (let s = 0; s < valIdx.length; s += 512) {
        const idx = valIdx.subarray(s, s + 512);
        sum += tf.tidy(() => {
          const b = batchTensors(vw, vl, idx);
          return (
            healthLoss(model.predict(b.x) as tf.Tensor[], b.an, b.fo, b.lr, b.mask, cw).dataSync()[0]! *
            idx.length
          );
        });
      }
      return sum / valIdx.length;
    },
    ...epochProgress(bar, 'health', o.epochs, 3),
  });
  const timeSeconds = (performance.now() - t0) / 1000;
  bar.done();
  cw.dispose();

  // Calibration and threshold on validation.
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

  const vm = healthMetrics(vCal, val, asset, threshold, HEALTH_STRIDE.val, HEALTH_DEBOUNCE);
  const validation = {
    detectionRocAuc: vm.detectionRocAuc,
    falseAlarmsPer24h: vm.falseAlarmsPer24h,
    faultTypeMacroF1: vm.faultTypeMacroF1,
    perClassF1: vm.perClassF1,
    rulRmseHours: vm.rulRmseHours,
  };
  bar.log(
    `health validation: ROC-AUC ${vm.detectionRocAuc.toFixed(4)}, false alarms ${vm.falseAlarmsPer24h.toFixed(2)}/24 h, ` +
      `macro-F1 ${vm.faultTypeMacroF1.toFixed(3)} (${Object.entries(vm.perClassF1)
        .map(([c, f]) => `${c} ${f.toFixed(2)}`)
        .join(', ')}), RUL RMSE ${vm.rulRmseHours.toFixed(2)} h`,
  );
  const tOut = predictHealth(model, test, stats, HEALTH_STRIDE.test);
  const metrics = healthMetrics(tOut, test, asset, threshold, HEALTH_STRIDE.test, HEALTH_DEBOUNCE);
  const fixture = fixtureEpisodes(ds, HEALTH_FIXTURE_FAULTS);
  const fixtureMetrics = healthFixtureMetrics(model, fixture, asset, stats, threshold);

  const dir = path.join(PUMP_MODEL_DIR, 'health');
  const cfg = { ...DEFAULT_HEALTH, seed: o.seed };
  const card: HealthCard = {
    schemaVersion: PUMP_CARD_SCHEMA_VERSION,
    asset: 'pump-skid',
    model: 'health',
    createdAt: new Date().toISOString(),
    task: 'per-component anomaly probability, fault type and remaining useful life (hours to the first trip limit or full failure) from the last 48 min of the skid',
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
      { train: tw.count, val: vw.count, test: tOut.count },
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
      loss: `3·BCE(anomaly) + CE(fault type, class weights ${weights.map((w) => w.toFixed(2)).join('/')}) + 0.5·Gaussian NLL of ln(1+RUL h) (masked to degrading-fault windows); Adam, ${o.schedule === 'cosine' ? 'cosine decay to 5 % over the epochs' : 'halved after two epochs without improvement'}`,
      timeSeconds: Math.round(timeSeconds),
      tfjsVersion: tf.version.tfjs,
      backend: o.backend,
    },
    fixture: { episodes: fixture, windowStride: HEALTH_STRIDE.test, metrics: fixtureMetrics },
    components: ANOMALY_COMPONENTS.map((c) => ({ id: c.id, faults: [...c.faults] })),
    faultClasses: [...FAULT_CLASSES],
    rul: {
      capHours: RUL_CAP_HOURS,
      target: 'hours until the first trip limit is crossed by a true value, or the fault reaches severity 1',
    },
    calibration: {
      method: 'platt',
      perComponent: platt,
      eceBefore,
      eceAfter,
      classOffsets: offsets.offsets,
      valMacroF1Before: offsets.macroF1Before,
      valMacroF1After: offsets.macroF1After,
    },
    threshold: {
      value: threshold,
      debounceWindows: HEALTH_DEBOUNCE,
      rule: `warn when the largest component probability is ≥ threshold on ${HEALTH_DEBOUNCE} successive windows; lowest threshold with ≤ ${VAL_FALSE_ALARMS_PER_DAY} false alarms per 24 h on validation healthy running`,
    },
    validation,
    test: {
      protocol: `${test.length} held-out test episodes, windows ending every ${HEALTH_STRIDE.test} min; lead time = first AlarmEngine alarm after onset − first model warning (where no alarm is ever raised, the episode end is used)`,
      ...metrics,
    },
  };
  card.architecture.weightsBytes = await saveWithCard(model, dir, card);
  healthCardSchema.parse(card);
  await saveWithCard(model, dir, card);
  model.dispose();
  return card;
}

/** Cross-entropy weight per fault class from the training windows' class counts, mean weight 1 per window. */
function classWeights(cls: Int32Array, power: number): number[] {
  const K = FAULT_CLASSES.length;
  const n = new Array<number>(K).fill(0);
  cls.forEach((c) => n[c]!++);
  const raw = n.map((c) => (c > 0 ? Math.pow(cls.length / (K * c), power) : 0));
  const mean = n.reduce((a, c, k) => a + c * raw[k]!, 0) / cls.length;
  return raw.map((w) => w / mean);
}

/** Figures on the fixture episodes (regenerated by the unit test from their plans). */
export function healthFixtureMetrics(
  model: tf.LayersModel,
  fixture: HealthCard['fixture']['episodes'],
  asset: AssetDefinition,
  stats: NormalizationStats,
  threshold: number,
): Record<string, number> {
  const eps: PumpEpisode[] = fixture.map((f) =>
    episodeFromRun(runEpisode(planEpisode(f.id, f.seed, f.kind, f.faultIndex), asset.tags), asset),
  );
  const out = predictHealth(model, eps, stats, HEALTH_STRIDE.test);
  const m = healthMetrics(out, eps, asset, threshold, HEALTH_STRIDE.test, HEALTH_DEBOUNCE);
  const scores = detectionScores(out.anomaly, out.count);
  return {
    windows: out.count,
    detectionRocAuc: m.detectionRocAuc,
    meanScore: scores.reduce((a, b) => a + b, 0) / out.count,
    faultTypeMacroF1: m.faultTypeMacroF1,
    rulRmseHours: m.rulRmseHours,
  };
}
