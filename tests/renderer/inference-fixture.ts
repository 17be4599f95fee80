/**
 * A small health-style model for the inference tests: a causal TCN (the project's CausalConv1D) over a
 * [batch, steps, channels] window with three heads like the pump health model — per-component anomaly
 * (sigmoid), fault type (softmax) and RUL mean / log-std. Weights are seeded, so files are reproducible.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CausalConv1D, LastStep } from '../../core/ml/layers';
import { modelToFiles, type ModelFiles } from '../../core/ml/io';

export interface FixtureShape {
  steps: number;
  channels: number;
  components: number;
  classes: number;
}

export const TINY: FixtureShape = { steps: 16, channels: 8, components: 6, classes: 4 };

export function buildFixtureModel(shape: FixtureShape = TINY): tf.LayersModel {
  const input = tf.input({ shape: [shape.steps, shape.channels], name: 'window' });
  let x = new CausalConv1D({ filters: 16, kernelSize: 3, dilation: 1, activation: 'relu', seed: 1 }).apply(
    input,
  ) as tf.SymbolicTensor;
  x = new CausalConv1D({ filters: 16, kernelSize: 3, dilation: 2, activation: 'relu', seed: 2 }).apply(
    x,
  ) as tf.SymbolicTensor;
  const last = new LastStep().apply(x) as tf.SymbolicTensor;
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const anomaly = tf.layers
    .dense({ units: shape.components, activation: 'sigmoid', name: 'anomaly', kernelInitializer: init(3) })
    .apply(last) as tf.SymbolicTensor;
  const fault = tf.layers
    .dense({ units: shape.classes, activation: 'softmax', name: 'fault_type', kernelInitializer: init(4) })
    .apply(last) as tf.SymbolicTensor;
  const rul = tf.layers
    .dense({ units: 2, name: 'rul', kernelInitializer: init(5) })
    .apply(last) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: [anomaly, fault, rul], name: 'fixture_health' });
}

export async function fixtureFiles(shape: FixtureShape = TINY): Promise<ModelFiles> {
  const model = buildFixtureModel(shape);
  try {
    return await modelToFiles(model);
  } finally {
    model.dispose();
  }
}

/** Writes model.json + weights.bin into `dir`. */
export async function writeFixture(dir: string, shape: FixtureShape = TINY): Promise<void> {
  const files = await fixtureFiles(shape);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'model.json'), files.modelJson);
  writeFileSync(path.join(dir, 'weights.bin'), files.weightsBin);
}

/** A deterministic pseudo-random [rows, steps, channels] batch. */
export function fixtureBatch(rows: number, shape: FixtureShape = TINY, seed = 7): Float32Array {
  const out = new Float32Array(rows * shape.steps * shape.channels);
  let s = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = (s / 2 ** 32) * 4 - 2;
  }
  return out;
}

/**
 * Stand-in files for models/pump-skid/health when the trained model is not there: the real health
 * architecture (core/ml/pump/health-model) with seeded, untrained weights, and a card holding
 * normalization statistics taken from the asset's normal bands and a long-baseline scale of 1. Its outputs mean nothing; it exercises
 * loading, batching, backends and coloring exactly as the trained model would.
 */
export async function pumpHealthStandIn(): Promise<{
  modelJson: string;
  weightsBin: Uint8Array;
  card: string;
}> {
  const { buildHealthModel } = await import('../../core/ml/pump/health-model');
  const { BALANCE_CHANNELS, PAST_VALUE_CHANNELS } = await import('../../core/ml/pump/spec');
  const { BASELINE_HOURS, BASELINE_RECENT_ROWS } = await import('../../core/ml/pump/baseline');
  const { readFileSync } = await import('node:fs');
  const asset = JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as {
    tags: { id: string; normal: [number, number] }[];
    controls: { id: string; min?: number; max?: number; range?: [number, number] }[];
  };
  const band = (id: string): [number, number] => {
    const t = asset.tags.find((x) => x.id === id);
    if (t) return t.normal;
    const c = asset.controls.find((x) => x.id === id);
    return c?.range ?? [c?.min ?? 0, c?.max ?? 1];
  };
  const mean = PAST_VALUE_CHANNELS.map((id) => (band(id)[0] + band(id)[1]) / 2);
  const std = PAST_VALUE_CHANNELS.map((id) => Math.max(1e-3, (band(id)[1] - band(id)[0]) / 4));
  const model = buildHealthModel();
  try {
    const files = await modelToFiles(model);
    const card = {
      standIn: 'untrained test stand-in, not a trained model',
      normalization: {
        schemaVersion: 1,
        tagIds: [...PAST_VALUE_CHANNELS],
        mean,
        std,
        count: PAST_VALUE_CHANNELS.map(() => 1),
      },
      baseline: {
        hours: BASELINE_HOURS,
        recentRows: BASELINE_RECENT_ROWS,
        channels: [...BALANCE_CHANNELS],
        scale: BALANCE_CHANNELS.map(() => 1),
        training: 'untrained stand-in',
      },
    };
    return { ...files, card: JSON.stringify(card) };
  } finally {
    model.dispose();
  }
}
