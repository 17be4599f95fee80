/** The health model's training run: windows and labels, the seeded model, and the minibatch fit. */
import * as tf from '@tensorflow/tfjs';
import type { NormalizationStats } from '../../core/data/normalization';
import type { PumpEpisode } from '../../core/ml/pump/evaluate-health';
import { fitBaselineScale } from '../../core/ml/pump/baseline';
import { healthWindows, type BaselineStart, type HealthInputSpec } from '../../core/ml/pump/features';
import { mulberry32 } from '../../core/random/rng';
import { windowLabels } from '../../core/ml/pump/health-metrics';
import { buildHealthModel, DEFAULT_HEALTH, healthLoss } from '../../core/ml/pump/health-model';
import { fitModel, type FitResult } from '../../core/ml/pump/train-loop';
import type { ProgressBar } from '../lib/progress';
import { epochProgress } from './common';
import { classWeights, evenlySpacedIndices, healthBatch } from './health-batches';
import { HEALTH_STRIDE } from './health-settings';
import type { TrainOpts } from './train-options';

/** Validation windows the per-epoch validation loss is taken over, at most. */
const VALIDATION_SAMPLE = 3000;
const VALIDATION_BATCH = 512;

/** Share of training windows whose history starts at the episode's start. */
const HISTORY_FROM_START = 0.75;

export const BASELINE_TRAINING_STARTS = `each training window's history starts at its episode's start (${100 * HISTORY_FROM_START} % of them) or at a uniformly drawn row up to the window's last one (the rest); validation and test from the episode's start`;

/**
 * Where a training window's history begins: the episode's start for most windows (a twin with its history),
 * anywhere up to the window's last row for the rest, often inside a fault (an app just started on a plant
 * that is already failing), so that no deviation from the baseline never reads "healthy".
 */
export function randomBaselineStart(seed: number): BaselineStart {
  const rand = mulberry32(seed * 7919 + 17);
  return (_frame, end) => (rand() < HISTORY_FROM_START ? 0 : Math.floor(rand() * (end + 1)));
}

export interface HealthFit {
  model: tf.LayersModel;
  /** What the model's input needs: the normalization and the long baseline's deviation scale. */
  spec: HealthInputSpec & { baseline: { scale: readonly number[] } };
  windows: { train: number; val: number };
  /** Cross-entropy weight per fault class. */
  classWeights: number[];
  result: FitResult;
  timeSeconds: number;
}

export async function fitHealth(
  train: readonly PumpEpisode[],
  val: readonly PumpEpisode[],
  stats: NormalizationStats,
  o: TrainOpts,
  bar: ProgressBar,
): Promise<HealthFit> {
  const baselineScale = fitBaselineScale(
    train.map((e) => e.frame),
    HEALTH_STRIDE.train,
  );
  const tw = healthWindows(
    train.map((e) => e.frame),
    stats,
    HEALTH_STRIDE.train,
    { scale: baselineScale, start: randomBaselineStart(o.seed) },
  );
  const tl = windowLabels(tw.frameIndex, tw.endRow, train);
  const vw = healthWindows(
    val.map((e) => e.frame),
    stats,
    HEALTH_STRIDE.val,
    { scale: baselineScale },
  );
  const vl = windowLabels(vw.frameIndex, vw.endRow, val);
  const model = buildHealthModel({ ...DEFAULT_HEALTH, seed: o.seed });
  const weights = classWeights(tl.faultClass, o.classWeightPower);
  const cw = tf.tensor1d(weights);
  bar.log(
    `health: ${tw.count} train windows, ${vw.count} val windows, ${model.countParams()} parameters, backend ${o.backend}`,
  );
  const valIdx = evenlySpacedIndices(vw.count, VALIDATION_SAMPLE);
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
    ...(o.clipNorm !== undefined ? { clipNorm: o.clipNorm } : {}),
    ...(o.deadline !== undefined ? { deadline: o.deadline } : {}),
    batchLoss: (idx) => {
      const b = healthBatch(tw, tl, idx);
      const out = model.apply([b.x, b.xb], { training: true }) as tf.Tensor[];
      return healthLoss(out, b.an, b.fo, b.lr, b.mask, cw);
    },
    validate: () => {
      let sum = 0;
      for (let s = 0; s < valIdx.length; s += VALIDATION_BATCH) {
        const idx = valIdx.subarray(s, s + VALIDATION_BATCH);
        sum += tf.tidy(() => {
          const b = healthBatch(vw, vl, idx);
          return (
            healthLoss(
              model.predict([b.x, b.xb]) as tf.Tensor[],
              b.an,
              b.fo,
              b.lr,
              b.mask,
              cw,
            ).dataSync()[0]! * idx.length
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
  return {
    model,
    spec: { normalization: stats, baseline: { scale: baselineScale } },
    windows: { train: tw.count, val: vw.count },
    classWeights: weights,
    result,
    timeSeconds,
  };
}
