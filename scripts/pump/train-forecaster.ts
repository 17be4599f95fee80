/** Trains and evaluates the pump-skid forecaster; writes models/pump-skid/forecaster/. */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { AssetDefinition } from '../../core/asset/schema';
import type { NormalizationStats } from '../../core/data/normalization';
import {
  forecasterCardSchema,
  PUMP_CARD_SCHEMA_VERSION,
  type ForecasterCard,
  type HealthCard,
} from '../../core/ml/pump/card';
import { planEpisode, runEpisode } from '../../core/ml/pump/episodes';
import { episodeFromRun } from '../../core/ml/pump/evaluate-health';
import {
  CONTROL_MOVED_TAGS,
  forecastMetrics,
  physicsBaseline,
  predictForecast,
  REPORT_HORIZONS,
} from '../../core/ml/pump/evaluate-forecaster';
import { forecastWindows, PUMP_CLEAN_OPTIONS } from '../../core/ml/pump/features';
import {
  buildForecaster,
  DEFAULT_FORECASTER,
  describeForecaster,
  forecastLoss,
} from '../../core/ml/pump/forecaster-model';
import { fitModel } from '../../core/ml/pump/train-loop';
import {
  FUTURE_CHANNELS,
  HORIZON,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  PUMP_CONTROLS,
  PUMP_TAGS,
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
import type { TrainOpts } from './train-options';

export const FORECAST_STRIDE = { train: 5, val: 20, test: 10 };
export const PHYSICS_WINDOWS = 150;

export async function trainForecaster(
  ds: LoadedDataset,
  asset: AssetDefinition,
  stats: NormalizationStats,
  o: TrainOpts,
): Promise<ForecasterCard> {
  const train = splitEpisodes(ds, 'train').episodes;
  const val = splitEpisodes(ds, 'val').episodes;
  const test = splitEpisodes(ds, 'test');
  const tw = forecastWindows(
    train.map((e) => e.frame),
    stats,
    FORECAST_STRIDE.train,
  );
  const vw = forecastWindows(
    val.map((e) => e.frame),
    stats,
    FORECAST_STRIDE.val,
  );
  const cfg = { ...DEFAULT_FORECASTER, seed: o.seed };
  const model = buildForecaster(cfg);
  const P = WINDOW_LENGTH * PAST_CHANNELS;
  const F = HORIZON * FUTURE_CHANNELS;
  const Y = HORIZON * PUMP_TAGS.length;
  const bar = createProgressBar();
  bar.log(
    `forecaster: ${tw.count} train windows, ${vw.count} val windows, ${model.countParams()} parameters, backend ${o.backend}`,
  );
  const batch = (w: typeof tw, idx: Int32Array) => {
    const n = idx.length;
    const x = new Float32Array(n * P);
    const f = new Float32Array(n * F);
    const y = new Float32Array(n * Y);
    const m = new Float32Array(n * Y);
    idx.forEach((i, k) => {
      x.set(w.past.subarray(i * P, (i + 1) * P), k * P);
      f.set(w.future.subarray(i * F, (i + 1) * F), k * F);
      y.set(w.targets.subarray(i * Y, (i + 1) * Y), k * Y);
      m.set(w.targetMask.subarray(i * Y, (i + 1) * Y), k * Y);
    });
    return {
      x: tf.tensor3d(x, [n, WINDOW_LENGTH, PAST_CHANNELS]),
      f: tf.tensor3d(f, [n, HORIZON, FUTURE_CHANNELS]),
      y: tf.tensor3d(y, [n, HORIZON, PUMP_TAGS.length]),
      m: tf.tensor3d(m, [n, HORIZON, PUMP_TAGS.length]),
    };
  };
  const valN = Math.min(vw.count, 2000);
  const valIdx = Int32Array.from({ length: valN }, (_, i) => Math.floor((i * vw.count) / valN));
  const t0 = performance.now();
  const result = await fitModel(model, {
    count: tw.count,
    epochs: o.epochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    patience: o.patience,
    maxWindowsPerEpoch: o.maxWindowsPerEpoch,
    seed: o.seed,
    ...(o.deadline !== undefined ? { deadline: o.deadline } : {}),
    batchLoss: (idx) => {
      const b = batch(tw, idx);
      return forecastLoss(model.apply([b.x, b.f], { training: true }) as tf.Tensor, b.y, b.m);
    },
    validate: () => {
      let sum = 0;
      for (let s = 0; s < valIdx.length; s += 256) {
        const idx = valIdx.subarray(s, s + 256);
        sum += tf.tidy(() => {
          const b = batch(vw, idx);
          return forecastLoss(model.predict([b.x, b.f]) as tf.Tensor, b.y, b.m).dataSync()[0]! * idx.length;
        });
      }
      return sum / valIdx.length;
    },
    ...epochProgress(bar, 'forecaster', o.epochs, 4),
  });
  const timeSeconds = (performance.now() - t0) / 1000;
  bar.done();

  const out = predictForecast(model, test.episodes, stats, FORECAST_STRIDE.test);
  const metrics = forecastMetrics(out, stats);
  const physics = physicsBaseline(out, test.plans, stats, asset, PHYSICS_WINDOWS);
  const fixture = fixtureEpisodes(ds, ['valve_stiction']);
  const fixtureMetrics = forecasterFixtureMetrics(model, fixture, asset, stats);

  const dir = path.join(PUMP_MODEL_DIR, 'forecaster');
  const card: ForecasterCard = {
    schemaVersion: PUMP_CARD_SCHEMA_VERSION,
    asset: 'pump-skid',
    model: 'forecaster',
    createdAt: new Date().toISOString(),
    task: `every tag over the next ${HORIZON} min from the last ${WINDOW_LENGTH} min and the planned setpoints`,
    architecture: {
      summary: describeForecaster(cfg),
      parameterCount: model.countParams(),
      weightsBytes: 1,
      inputs: shapesOf(model, 'inputs'),
      outputs: shapesOf(model, 'outputs').map((s) => ({
        ...s,
        meaning: `z-scored value of each target tag at steps 1..${HORIZON} (× std + mean with this card's normalization)`,
      })),
    },
    dataset: datasetSection(
      ds,
      { train: tw.count, val: vw.count, test: out.windows.count },
      { train: FORECAST_STRIDE.train, eval: FORECAST_STRIDE.test },
    ),
    features: {
      samplePeriodS: SAMPLE_PERIOD_S,
      windowLength: WINDOW_LENGTH,
      horizon: HORIZON,
      valueChannels: [...PAST_VALUE_CHANNELS],
      maskChannels: true,
      futureChannels: [
        ...PUMP_CONTROLS.map((c) => `${c} (z)`),
        ...PUMP_CONTROLS.map((c) => `${c} change from last (z)`),
        'step / (H − 1)',
      ],
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
      loss: 'masked MSE in z units over all tags and steps',
      timeSeconds: Math.round(timeSeconds),
      tfjsVersion: tf.version.tfjs,
      backend: o.backend,
    },
    fixture: { episodes: fixture, windowStride: FORECAST_STRIDE.test, metrics: fixtureMetrics },
    targetTags: [...PUMP_TAGS],
    controlMovedTags: [...CONTROL_MOVED_TAGS],
    test: {
      protocol: `${test.episodes.length} held-out test episodes, forecasts from every ${FORECAST_STRIDE.test} min; MAE in engineering units against the cleaned measurement`,
      horizons: REPORT_HORIZONS,
      ...metrics,
      physics: {
        ...physics,
        note: 'physics simulator restored at the forecast origin (true state and faults), same planned setpoints, different noise and disturbances; same windows as modelMae',
      },
    },
  };
  card.architecture.weightsBytes = await saveWithCard(model, dir, card);
  forecasterCardSchema.parse(card);
  await saveWithCard(model, dir, card);
  model.dispose();
  return card;
}

export function forecasterFixtureMetrics(
  model: tf.LayersModel,
  fixture: HealthCard['fixture']['episodes'],
  asset: AssetDefinition,
  stats: NormalizationStats,
): Record<string, number> {
  const eps = fixture.map((f) =>
    episodeFromRun(runEpisode(planEpisode(f.id, f.seed, f.kind, f.faultIndex), asset.tags), asset),
  );
  const out = predictForecast(model, eps, stats, FORECAST_STRIDE.test);
  const m = forecastMetrics(out, stats);
  const h = String(HORIZON);
  return {
    windows: out.windows.count,
    flowMae60: m.mae[h]!['flow']!,
    powerMae60: m.mae[h]!['motor_power']!,
    flowPersistenceMae60: m.persistenceMae[h]!['flow']!,
    bearingTempMae60: m.mae[h]!['bearing_de_temp']!,
  };
}
