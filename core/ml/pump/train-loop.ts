/**
 * Minibatch training with a custom loss: seeded shuffling, a cap on windows per epoch, Adam with
 * halving on plateau or a cosine decay over the planned epochs, early stopping on a validation score (lower is better) with the best
 * weights restored. Progress goes to callbacks; the caller draws the bar.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32, shuffleInPlace } from '../../random/rng';

export interface FitOptions {
  count: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  maxWindowsPerEpoch: number;
  seed: number;
  /** 'plateau' halves the rate after every two epochs without improvement; 'cosine' decays it per batch to 5 % at the last epoch. */
  schedule?: 'plateau' | 'cosine';
  /** Largest global norm of a batch's gradients; larger ones are scaled down to it. None when absent. */
  clipNorm?: number;
  /** Wall-clock deadline (Date.now() scale): stop after the epoch that would overrun it. */
  deadline?: number;
  /** Loss of the batch made of windows `idx` (called inside tf.tidy). */
  batchLoss: (idx: Int32Array) => tf.Scalar;
  /** Validation score with the current weights; lower is better. */
  validate: () => number;
  onBatch?: (info: { epoch: number; batch: number; batches: number; loss: number }) => void;
  onEpoch?: (info: EpochReport) => void;
}

export interface EpochReport {
  epoch: number;
  loss: number;
  val: number;
  seconds: number;
  best: boolean;
}

export interface FitResult {
  epochsRun: number;
  bestEpoch: number;
  bestVal: number;
  history: EpochReport[];
}

/** Gradients scaled together so that their global norm is at most `maxNorm`. */
export function clipByGlobalNorm(
  grads: tf.NamedTensorMap,
  maxNorm: number,
): { name: string; tensor: tf.Tensor }[] {
  const entries = Object.entries(grads);
  if (entries.length === 0) return [];
  const norm = tf.sqrt(tf.addN(entries.map(([, g]) => tf.sum(tf.square(g)))));
  const scale = tf.minimum(1, tf.div(maxNorm, tf.maximum(norm, 1e-12)));
  return entries.map(([name, g]) => ({ name, tensor: tf.mul(g, scale) }));
}

export async function fitModel(model: tf.LayersModel, o: FitOptions): Promise<FitResult> {
  const rand = mulberry32(o.seed);
  const optimizer = tf.train.adam(o.learningRate);
  const lr = optimizer as unknown as { learningRate: number };
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const order = Int32Array.from({ length: o.count }, (_, i) => i);
  const perEpoch = Math.min(o.count, o.maxWindowsPerEpoch);
  const batches = Math.ceil(perEpoch / o.batchSize);
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: tf.Tensor[] | null = null;
  let since = 0;
  const history: EpochReport[] = [];
  let epoch = 1;
  for (; epoch <= o.epochs; epoch++) {
    const t0 = Date.now();
    shuffleInPlace(order, rand);
    let sum = 0;
    for (let b = 0; b < batches; b++) {
      if (o.schedule === 'cosine') {
        const progress = (epoch - 1 + b / batches) / o.epochs;
        lr.learningRate = o.learningRate * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress)));
      }
      const idx = order.subarray(b * o.batchSize, Math.min(perEpoch, (b + 1) * o.batchSize));
      const loss = tf.tidy(() => {
        if (o.clipNorm === undefined)
          return optimizer.minimize(() => o.batchLoss(idx), true, vars)!.dataSync()[0]!;
        const { value, grads } = tf.variableGrads(() => o.batchLoss(idx), vars);
        optimizer.applyGradients(clipByGlobalNorm(grads, o.clipNorm));
        return value.dataSync()[0]!;
      });
      if (!Number.isFinite(loss))
        throw new Error(`training diverged: loss ${loss} at epoch ${epoch} batch ${b + 1}`);
      sum += loss * idx.length;
      o.onBatch?.({ epoch, batch: b + 1, batches, loss });
      if (b % 4 === 3) await new Promise((r) => setTimeout(r, 0));
    }
    const val = o.validate();
    const improved = val < best - 1e-5;
    if (improved) {
      best = val;
      bestEpoch = epoch;
      bestWeights?.forEach((t) => t.dispose());
      bestWeights = model.getWeights().map((t) => t.clone());
      since = 0;
    } else if (++since % 2 === 0 && o.schedule !== 'cosine') lr.learningRate *= 0.5;
    const seconds = (Date.now() - t0) / 1000;
    const report = { epoch, loss: sum / perEpoch, val, seconds, best: improved };
    history.push(report);
    o.onEpoch?.(report);
    if (since >= o.patience) break;
    if (o.deadline !== undefined && Date.now() + seconds * 1000 > o.deadline) break;
  }
  if (bestWeights) {
    model.setWeights(bestWeights);
    bestWeights.forEach((t) => t.dispose());
  }
  optimizer.dispose();
  return { epochsRun: Math.min(epoch, o.epochs), bestEpoch, bestVal: best, history };
}

/** Runs `model` on `count` windows in batches; returns each output as one flat Float32Array. */
export function predictBatched(
  model: tf.LayersModel,
  inputs: { data: Float32Array; shape: number[] }[],
  count: number,
  batchSize = 512,
): Float32Array[] {
  const chunks: Float32Array[][] = [];
  for (let s = 0; s < count; s += batchSize) {
    const n = Math.min(batchSize, count - s);
    const out = tf.tidy(() => {
      const xs = inputs.map((i) => {
        const per = i.shape.reduce((a, b) => a * b, 1);
        return tf.tensor(i.data.subarray(s * per, (s + n) * per), [n, ...i.shape]);
      });
      const y = model.predict(xs.length === 1 ? xs[0]! : xs);
      return Array.isArray(y) ? y : [y];
    });
    chunks.push(out.map((t) => t.dataSync() as Float32Array));
    out.forEach((t) => t.dispose());
  }
  const k = chunks[0]?.length ?? 0;
  return Array.from({ length: k }, (_, j) => {
    const total = chunks.reduce((a, c) => a + c[j]!.length, 0);
    const buf = new Float32Array(total);
    let off = 0;
    for (const c of chunks) {
      buf.set(c[j]!, off);
      off += c[j]!.length;
    }
    return buf;
  });
}
