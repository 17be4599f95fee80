/** The RUL training loop's cosine schedule: learning rate decays to lr/100, final weights kept. */
import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WindowSet } from '../../../../core/ml/rul/features';
import { rmse } from '../../../../core/ml/metrics';
import { buildTcn, DEFAULT_TCN, predictRul } from '../../../../core/ml/rul/model';
import { mulberry32 } from '../../../../core/random/rng';
import { trainRulModel } from '../../../../core/ml/rul/train';
import { initTfNode } from '../../../../scripts/lib/tf-node';

/** Windows whose label (cycles) grows with channel 0 of the last step: learnable. */
function windows(count: number, seed: number): WindowSet {
  const W = 8;
  const F = 3;
  const rand = mulberry32(seed);
  const x = Float32Array.from({ length: count * W * F }, () => rand() * 2 - 1);
  const y = Float32Array.from({ length: count }, (_, n) => 60 + 40 * x[(n * W + W - 1) * F]!);
  const unit = Int32Array.from({ length: count }, (_, n) => 1 + (n % 4));
  return { count, windowLength: W, features: F, x, y, unit };
}

/** Validation RMSE of the model as it is now. */
function valRmse(model: tf.LayersModel, val: WindowSet): number {
  const p = predictRul(model, val.x, val.count, val.windowLength, val.features, 125);
  return rmse(p.mean, val.y);
}

const cfg = { ...DEFAULT_TCN, filters: 8, dilations: [1, 2], denseUnits: 8, windowLength: 8, features: 3 };

describe('RUL training schedule', () => {
  beforeAll(async () => {
    await initTfNode('wasm');
  });

  it('cosine: decays the learning rate to lr/100, validates every k epochs and after the last', async () => {
    const model = buildTcn({ ...cfg, seed: 5 });
    const val = windows(64, 2);
    const r = await trainRulModel(model, windows(256, 1), val, {
      epochs: 7,
      batchSize: 64,
      learningRate: 0.01,
      schedule: 'cosine',
      validateEvery: 3,
      patience: 1,
      lrPatience: 1,
      seed: 5,
      rulCap: 125,
    });
    expect(r.epochsRun).toBe(7); // no early stopping, whatever validation does
    expect(r.history.map((h) => Number.isFinite(h.valRmse))).toEqual([
      false,
      false,
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(r.history[0]!.learningRate).toBeCloseTo(0.01, 6);
    const lrs = r.history.map((h) => h.learningRate);
    for (let i = 1; i < lrs.length; i++) expect(lrs[i]!).toBeLessThan(lrs[i - 1]!);
    expect(lrs[6]!).toBeGreaterThan(0.0001);
    // The reported figures are those of the final weights, which the model keeps.
    expect(r.bestEpoch).toBe(7);
    expect(r.bestValRmse).toBe(r.history[6]!.valRmse);
    expect(valRmse(model, val)).toBeCloseTo(r.bestValRmse, 4);
    expect(r.history[6]!.loss).toBeLessThan(r.history[0]!.loss);
    model.dispose();
  });

  it('plateau: restores the best epoch and stops after `patience` epochs without improvement', async () => {
    const model = buildTcn({ ...cfg, seed: 6 });
    const val = windows(64, 4);
    const r = await trainRulModel(model, windows(256, 3), val, {
      epochs: 30,
      batchSize: 64,
      learningRate: 0.01,
      schedule: 'plateau',
      patience: 2,
      lrPatience: 1,
      seed: 6,
      rulCap: 125,
    });
    const best = Math.min(...r.history.map((h) => h.valRmse));
    expect(r.bestValRmse).toBe(best);
    expect(valRmse(model, val)).toBeCloseTo(best, 4); // best weights restored
    if (r.epochsRun < 30) expect(r.epochsRun - r.bestEpoch).toBe(2);
    else expect(r.bestEpoch).toBeGreaterThan(28);
    expect(r.history.every((h) => Number.isFinite(h.valRmse))).toBe(true);
    model.dispose();
  });
});
