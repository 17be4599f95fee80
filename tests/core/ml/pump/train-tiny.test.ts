import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import assetJson from '../../../../assets/pump-skid/asset.json';
import { parseAsset } from '../../../../core/asset/parse';
import { planEpisode, runEpisode } from '../../../../core/ml/pump/episodes';
import { episodeFromRun } from '../../../../core/ml/pump/evaluate-health';
import { BASELINE_FEATURES, fitBaselineScale } from '../../../../core/ml/pump/baseline';
import { fitPumpNormalization, healthWindows } from '../../../../core/ml/pump/features';
import { windowLabels } from '../../../../core/ml/pump/health-metrics';
import { buildHealthModel, healthLoss } from '../../../../core/ml/pump/health-model';
import { fitModel } from '../../../../core/ml/pump/train-loop';
import {
  ANOMALY_COMPONENTS,
  FAULT_CLASSES,
  PAST_CHANNELS,
  WINDOW_LENGTH,
} from '../../../../core/ml/pump/spec';
import { initTfNode } from '../../../../scripts/lib/tf-node';

const parsed = parseAsset(assetJson);
if (!parsed.ok) throw new Error('asset.json does not parse');
const asset = parsed.asset;

describe('pump-skid health model training', () => {
  beforeAll(async () => {
    await initTfNode('wasm');
  });

  it('trains a tiny model for a few steps and the loss drops', async () => {
    // A cooling failure from row 60: windows before and after onset.
    const plan = { ...planEpisode(0, 55, 'plant', 5), onsetRow: 60, maxRows: 300 };
    const ep = episodeFromRun(runEpisode(plan, asset.tags), asset);
    const stats = fitPumpNormalization([ep.frame]);
    const w = healthWindows([ep.frame], stats, 4, { scale: fitBaselineScale([ep.frame], 4) });
    const l = windowLabels(w.frameIndex, w.endRow, [ep]);
    expect(new Set(l.faultClass).size).toBe(2);
    const model = buildHealthModel({ filters: 8, kernelSize: 3, dilations: [1, 2], denseUnits: 16, seed: 3 });
    const x = tf.tensor3d(w.past, [w.count, WINDOW_LENGTH, PAST_CHANNELS]);
    const xb = tf.tensor2d(w.baseline, [w.count, BASELINE_FEATURES]);
    const an = tf.tensor2d(l.anomaly, [w.count, ANOMALY_COMPONENTS.length]);
    const fo = tf.oneHot(tf.tensor1d(l.faultClass, 'int32'), FAULT_CLASSES.length) as tf.Tensor2D;
    const lr = tf.tensor1d(Array.from(l.logRul, (v) => (Number.isFinite(v) ? v : 0)));
    const mask = tf.tensor1d(Array.from(l.logRul, (v) => (Number.isFinite(v) ? 1 : 0)));
    const lossNow = () =>
      tf.tidy(() => healthLoss(model.predict([x, xb]) as tf.Tensor[], an, fo, lr, mask).dataSync()[0]!);
    const before = lossNow();
    const all = (idx: Int32Array) => [x, xb].map((t) => tf.gather(t, tf.tensor1d(idx, 'int32')));
    const pick = (t: tf.Tensor, idx: Int32Array) => tf.gather(t, tf.tensor1d(idx, 'int32'));
    const r = await fitModel(model, {
      count: w.count,
      epochs: 6,
      batchSize: 32,
      learningRate: 5e-3,
      patience: 10,
      maxWindowsPerEpoch: w.count,
      seed: 1,
      batchLoss: (idx) =>
        healthLoss(
          model.apply(all(idx), { training: true }) as tf.Tensor[],
          pick(an, idx) as tf.Tensor2D,
          pick(fo, idx) as tf.Tensor2D,
          pick(lr, idx) as tf.Tensor1D,
          pick(mask, idx) as tf.Tensor1D,
        ),
      validate: lossNow,
    });
    const after = lossNow();
    expect(r.epochsRun).toBeGreaterThan(0);
    expect(after).toBeLessThan(before * 0.7);
    [x, xb, an, fo, lr, mask].forEach((t) => t.dispose());
    model.dispose();
  });
});
