/**
 * Backend-agnostic training loop for the RUL TCN: seeded shuffling, optional per-epoch window
 * subsampling, and Adam with one of two schedules:
 * - 'cosine': the learning rate follows a cosine from its start value down to `minLearningRate`
 *   over all epochs, no early stopping, and the final weights are kept (validation only watches);
 * - 'plateau': halved after `lrPatience` epochs without a better validation RMSE, early stopping
 *   after `patience`, best weights restored.
 * Progress is reported through callbacks (the caller draws the bar).
 */
import * as tf from '@tensorflow/tfjs';
import { phm08Score, rmse } from '../metrics';
import type { WindowSet } from './features';
import { predictRul, rulLoss } from './model';
import { mulberry32, shuffleInPlace } from '../../random/rng';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without val-RMSE improvement before stopping. */
  patience: number;
  /** Epochs without improvement before halving the learning rate. */
  lrPatience: number;
  /** Default 'plateau'. */
  schedule?: 'plateau' | 'cosine';
  /** End of the cosine schedule; default learningRate / 100. */
  minLearningRate?: number;
  /**
   * With 'cosine', validate only every this many epochs and after the last (validation only
   * watches there, and it costs a forward pass over every held-out window); default 1.
   */
  validateEvery?: number;
  /** Windows drawn per epoch (without replacement); default all. */
  maxWindowsPerEpoch?: number;
  seed: number;
  rulCap: number;
  /**
   * Wall-clock deadline (ms since epoch, `Date.now()` scale): training stops after the epoch
   * whose successor would likely end past it. The epochs run are reported, so a rerun with
   * `epochs = epochsRun` repeats the same schedule.
   */
  deadline?: number;
  onBatch?: (info: { epoch: number; batch: number; batches: number; loss: number }) => void;
  onEpoch?: (info: EpochInfo) => void;
}

export interface EpochInfo {
  epoch: number;
  loss: number;
  valRmse: number;
  valScore: number;
  learningRate: number;
  best: boolean;
}

export interface TrainResult {
  epochsRun: number;
  bestEpoch: number;
  bestValRmse: number;
  bestValScore: number;
  history: EpochInfo[];
}

export async function trainRulModel(
  model: tf.LayersModel,
  train: WindowSet,
  val: WindowSet,
  opts: TrainOptions,
): Promise<TrainResult> {
  const rand = mulberry32(opts.seed);
  const optimizer = tf.train.adam(opts.learningRate);
  const lrHolder = optimizer as unknown as { learningRate: number };
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const W = train.windowLength;
  const F = train.features;
  const stride = W * F;
  const order = Int32Array.from({ length: train.count }, (_, i) => i);
  const perEpoch = Math.min(train.count, opts.maxWindowsPerEpoch ?? train.count);
  const batches = Math.ceil(perEpoch / opts.batchSize);
  const xb = new Float32Array(opts.batchSize * stride);
  const yb = new Float32Array(opts.batchSize);

  let best = Number.POSITIVE_INFINITY;
  let bestScore = Number.NaN;
  let bestEpoch = 0;
  let bestWeights: tf.Tensor[] | null = null;
  let sinceBest = 0;
  let sinceLr = 0;
  const history: EpochInfo[] = [];
  let epoch = 0;
  let stoppedEarly = false;
  const cosine = opts.schedule === 'cosine';
  const lrMin = opts.minLearningRate ?? opts.learningRate / 100;
  for (epoch = 1; epoch <= opts.epochs; epoch++) {
    const epochStart = Date.now();
    if (cosine)
      lrHolder.learningRate =
        lrMin + 0.5 * (opts.learningRate - lrMin) * (1 + Math.cos((Math.PI * (epoch - 1)) / opts.epochs));
    shuffleInPlace(order, rand);
    let lossSum = 0;
    for (let b = 0; b < batches; b++) {
      const start = b * opts.batchSize;
      const n = Math.min(opts.batchSize, perEpoch - start);
      for (let i = 0; i < n; i++) {
        const w = order[start + i]!;
        xb.set(train.x.subarray(w * stride, (w + 1) * stride), i * stride);
        yb[i] = train.y[w]! / opts.rulCap;
      }
      const loss = tf.tidy(() => {
        const x = tf.tensor3d(xb.subarray(0, n * stride), [n, W, F]);
        const y = tf.tensor2d(yb.subarray(0, n), [n, 1]);
        const l = optimizer.minimize(
          () => rulLoss(y, model.apply(x, { training: true }) as tf.Tensor),
          true,
          vars,
        );
        return l!.dataSync()[0]!;
      });
      lossSum += loss * n;
      opts.onBatch?.({ epoch, batch: b + 1, batches, loss });
      // Let the event loop breathe (progress bar, signals).
      if (b % 8 === 7) await new Promise((r) => setTimeout(r, 0));
    }
    const every = cosine ? Math.max(1, opts.validateEvery ?? 1) : 1;
    const outOfTime = opts.deadline !== undefined && Date.now() + (Date.now() - epochStart) > opts.deadline;
    const watch = epoch % every === 0 || epoch === opts.epochs || outOfTime;
    const pred = watch ? predictRul(model, val.x, val.count, W, F, opts.rulCap) : null;
    const valRmse = pred ? rmse(pred.mean, val.y) : Number.NaN;
    const valScore = pred ? phm08Score(pred.mean, val.y) : Number.NaN;
    const improved = valRmse < best - 1e-4;
    if (cosine) {
      // Final weights are kept: the figures reported are those of the last epoch validated.
      if (pred) {
        best = valRmse;
        bestScore = valScore;
        bestEpoch = epoch;
      }
    } else if (improved) {
      best = valRmse;
      bestScore = valScore;
      bestEpoch = epoch;
      bestWeights?.forEach((t) => t.dispose());
      bestWeights = model.getWeights().map((t) => t.clone());
      sinceBest = 0;
      sinceLr = 0;
    } else {
      sinceBest++;
      sinceLr++;
      if (sinceLr >= opts.lrPatience) {
        lrHolder.learningRate = lrHolder.learningRate * 0.5;
        sinceLr = 0;
      }
    }
    const info: EpochInfo = {
      epoch,
      loss: lossSum / perEpoch,
      valRmse,
      valScore,
      learningRate: lrHolder.learningRate,
      best: cosine ? false : improved,
    };
    history.push(info);
    opts.onEpoch?.(info);
    if (!cosine && sinceBest >= opts.patience) {
      stoppedEarly = true;
      break;
    }
    if (outOfTime) {
      stoppedEarly = true;
      break;
    }
  }
  if (bestWeights) {
    model.setWeights(bestWeights);
    bestWeights.forEach((t) => t.dispose());
  }
  optimizer.dispose();
  return {
    epochsRun: stoppedEarly ? epoch : opts.epochs,
    bestEpoch,
    bestValRmse: best,
    bestValScore: bestScore,
    history,
  };
}
