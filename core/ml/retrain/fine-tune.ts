/**
 * Fine-tunes a copy of the health model on recent windows with the loss its training used
 * (core/ml/pump healthLoss: 3·BCE anomaly + CE fault type + 0.5·masked RUL NLL). Runs wherever tfjs runs
 * (the inference worker on WebGPU, Node tests on cpu); between batches it yields, reports progress and
 * stops when asked to.
 */
import * as tf from '@tensorflow/tfjs';
import { BASELINE_FEATURES } from '../pump/baseline';
import { healthLoss } from '../pump/health-model';
import { ANOMALY_COMPONENTS, FAULT_CLASSES, PAST_CHANNELS, WINDOW_LENGTH } from '../pump/spec';
import { mulberry32, shuffleInPlace } from '../../random/rng';

export interface FineTuneData {
  count: number;
  /** [count, WINDOW_LENGTH, PAST_CHANNELS] */
  past: Float32Array;
  /** [count, BASELINE_FEATURES]: each window's long baseline, for a model that takes one. */
  baseline?: Float32Array | undefined;
  /** [count, components] 0/1 */
  anomaly: Float32Array;
  faultClass: Int32Array;
  /** ln(1 + RUL hours); NaN where unknown (masked out of the loss). */
  logRul: Float32Array;
}

export interface FineTuneOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

export interface FineTuneProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Loss of the batch just run. */
  loss: number;
  elapsedMs: number;
}

export interface FineTuneHooks {
  onBatch?: (p: FineTuneProgress) => void;
  /** Checked before each batch; true stops the run (the weights are then of no use). */
  cancelled?: () => boolean;
  /** Runs one batch's step; the worker queues it between live predictions. */
  runStep?: (step: () => Promise<number>) => Promise<number>;
}

export interface FineTuneResult {
  cancelled: boolean;
  epochsRun: number;
  /** Mean batch loss of each finished epoch. */
  epochLoss: number[];
  seconds: number;
}

export function checkFineTuneData(d: FineTuneData): void {
  const per = WINDOW_LENGTH * PAST_CHANNELS;
  const K = ANOMALY_COMPONENTS.length;
  const bad = (what: string, got: number, want: number) => {
    if (got !== want)
      throw new Error(`fine-tune data: ${what} has ${got} values, ${want} expected for ${d.count} windows`);
  };
  if (!Number.isInteger(d.count) || d.count < 1) throw new Error(`fine-tune data: ${d.count} windows`);
  bad('past', d.past.length, d.count * per);
  if (d.baseline) bad('baseline', d.baseline.length, d.count * BASELINE_FEATURES);
  bad('anomaly', d.anomaly.length, d.count * K);
  bad('faultClass', d.faultClass.length, d.count);
  bad('logRul', d.logRul.length, d.count);
  for (const c of d.faultClass)
    if (c < 0 || c >= FAULT_CLASSES.length) throw new Error(`fine-tune data: fault class ${c} out of range`);
}

function batchLoss(model: tf.LayersModel, d: FineTuneData, idx: Int32Array): tf.Scalar {
  const per = WINDOW_LENGTH * PAST_CHANNELS;
  const K = ANOMALY_COMPONENTS.length;
  const n = idx.length;
  const x = new Float32Array(n * per);
  const an = new Float32Array(n * K);
  const cls = new Int32Array(n);
  const lr = new Float32Array(n);
  const mask = new Float32Array(n);
  idx.forEach((i, k) => {
    x.set(d.past.subarray(i * per, (i + 1) * per), k * per);
    an.set(d.anomaly.subarray(i * K, (i + 1) * K), k * K);
    cls[k] = d.faultClass[i]!;
    const y = d.logRul[i]!;
    lr[k] = Number.isFinite(y) ? y : 0;
    mask[k] = Number.isFinite(y) ? 1 : 0;
  });
  const past = tf.tensor3d(x, [n, WINDOW_LENGTH, PAST_CHANNELS]);
  const inputs = d.baseline && model.inputs.length > 1 ? [past, baselineRows(d.baseline, idx)] : past;
  const out = model.apply(inputs, { training: true }) as tf.Tensor[];
  const oneHot = tf.oneHot(tf.tensor1d(cls, 'int32'), FAULT_CLASSES.length) as tf.Tensor2D;
  return healthLoss(out, tf.tensor2d(an, [n, K]), oneHot, tf.tensor1d(lr), tf.tensor1d(mask));
}

/** The long baselines of windows `idx`, [idx.length, BASELINE_FEATURES]. */
function baselineRows(baseline: Float32Array, idx: Int32Array): tf.Tensor2D {
  const B = BASELINE_FEATURES;
  const out = new Float32Array(idx.length * B);
  idx.forEach((i, k) => out.set(baseline.subarray(i * B, (i + 1) * B), k * B));
  return tf.tensor2d(out, [idx.length, B]);
}

/**
 * Fine-tunes `model` on `d`; a model with a long-baseline input (two inputs) needs `d.baseline`, a model
 * with the window as its only input (an older version) ignores it.
 */
export async function fineTuneHealth(
  model: tf.LayersModel,
  d: FineTuneData,
  o: FineTuneOptions,
  hooks: FineTuneHooks = {},
): Promise<FineTuneResult> {
  checkFineTuneData(d);
  if (model.inputs.length > 1 && !d.baseline)
    throw new Error(
      `fine-tune data: the model takes ${model.inputs.length} inputs (window and long baseline) and the data has no baseline`,
    );
  const runStep = hooks.runStep ?? ((step) => step());
  const rand = mulberry32(o.seed);
  const optimizer = tf.train.adam(o.learningRate);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const order = Int32Array.from({ length: d.count }, (_, i) => i);
  const batches = Math.ceil(d.count / o.batchSize);
  const started = Date.now();
  const epochLoss: number[] = [];
  let cancelled = false;
  try {
    for (let epoch = 1; epoch <= o.epochs && !cancelled; epoch++) {
      shuffleInPlace(order, rand);
      let sum = 0;
      for (let b = 0; b < batches; b++) {
        if (hooks.cancelled?.()) {
          cancelled = true;
          break;
        }
        const idx = order.subarray(b * o.batchSize, Math.min(d.count, (b + 1) * o.batchSize));
        const loss = await runStep(async () => {
          const l = optimizer.minimize(() => batchLoss(model, d, idx), true, vars)!;
          try {
            return (await l.data())[0]!;
          } finally {
            l.dispose();
          }
        });
        if (!Number.isFinite(loss))
          throw new Error(`fine-tuning diverged: loss ${loss} at epoch ${epoch} batch ${b + 1}`);
        sum += loss;
        hooks.onBatch?.({
          epoch,
          epochs: o.epochs,
          batch: b + 1,
          batches,
          loss,
          elapsedMs: Date.now() - started,
        });
        // Lets a cancel request (a message to the worker) arrive before the next batch.
        await new Promise((r) => setTimeout(r, 0));
      }
      if (!cancelled) epochLoss.push(sum / batches);
    }
  } finally {
    optimizer.dispose();
  }
  return { cancelled, epochsRun: epochLoss.length, epochLoss, seconds: (Date.now() - started) / 1000 };
}
