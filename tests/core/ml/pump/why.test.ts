/**
 * The health model's "why" (occlusion by tag): where only one tag carries the anomaly, that tag ranks
 * first — for a model whose score is known by construction, and for the committed health model on a
 * simulated healthy skid with one transmitter disturbed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planEpisode, runEpisode } from '../../../../core/ml/pump/episodes';
import { healthInputs, liveBaseline, liveWindow, pumpFrame } from '../../../../core/ml/pump/features';
import {
  ANOMALY_COMPONENTS,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  PUMP_TAGS,
  WINDOW_LENGTH,
} from '../../../../core/ml/pump/spec';
import { predictBatched } from '../../../../core/ml/pump/train-loop';
import { occlusionBatch, occlusionInputs, rankInfluences } from '../../../../core/ml/pump/why';
import { initTfNode } from '../../../../scripts/lib/tf-node';
import { PUMP_MODEL_DIR } from '../../../../scripts/pump/common';
import { loadPumpAsset } from '../../../../scripts/pump/dataset-io';
import { loadHealthModel } from '../../../../scripts/pump/load-models';

const V = PAST_VALUE_CHANNELS.length;
const A = ANOMALY_COMPONENTS.length;

/** A healthy window: every value at its mean (z = 0), every sample good. */
function healthyWindow(): Float32Array {
  const x = new Float32Array(WINDOW_LENGTH * PAST_CHANNELS);
  for (let s = 0; s < WINDOW_LENGTH; s++) x.fill(1, s * PAST_CHANNELS + V, (s + 1) * PAST_CHANNELS);
  return x;
}

/** Score per component = sigmoid(mean over steps of Σ good |z| − 2), the same for every component. */
function knownScore(batch: Float32Array): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor3d(batch, [
      batch.length / (WINDOW_LENGTH * PAST_CHANNELS),
      WINDOW_LENGTH,
      PAST_CHANNELS,
    ]);
    const [values, masks] = tf.split(x, [V, V], 2);
    const evidence = values!.abs().mul(masks!).sum(2).mean(1);
    const p = tf.sigmoid(evidence.sub(2)).expandDims(1).tile([1, A]);
    return p.dataSync() as Float32Array;
  });
}

beforeAll(async () => {
  await initTfNode('wasm');
});

describe('occlusion "why"', () => {
  it('ranks the one disturbed tag first, and no tag that carries nothing', () => {
    const x = healthyWindow();
    const disturbed = PAST_VALUE_CHANNELS.indexOf('bearing_de_envelope');
    const weaker = PAST_VALUE_CHANNELS.indexOf('seal_temp');
    for (let s = 0; s < WINDOW_LENGTH; s++) {
      x[s * PAST_CHANNELS + disturbed] = 5;
      x[s * PAST_CHANNELS + weaker] = 0.5;
    }
    const why = rankInfluences(knownScore(occlusionBatch(x)), A, 1);
    expect(why.map((w) => w.tagId)).toEqual(['bearing_de_envelope', 'seal_temp']);
    expect(why[0]!.weight).toBeGreaterThan(why[1]!.weight);
  });

  it('takes a tag out with the derived channels computed from it', () => {
    const x = healthyWindow();
    // Only the DE − NDE vibration balance carries the anomaly: either vibration tag explains it.
    const balance = PAST_VALUE_CHANNELS.indexOf('bearing_de_over_nde_vibration');
    for (let s = 0; s < WINDOW_LENGTH; s++) x[s * PAST_CHANNELS + balance] = 5;
    const why = rankInfluences(knownScore(occlusionBatch(x)), A, 1);
    expect(why.map((w) => w.tagId).sort()).toEqual(['bearing_de_vibration', 'bearing_nde_vibration']);
  });
});

const haveModel = existsSync(path.join(PUMP_MODEL_DIR, 'health', 'model-card.json'));
describe.skipIf(!haveModel)('occlusion "why" of the committed health model', () => {
  it('names a disturbed winding temperature first for the motor', async () => {
    const asset = await loadPumpAsset();
    const { model, card } = await loadHealthModel();
    const plan = { ...planEpisode(0, 4242, 'healthy', 0), maxRows: 90 };
    const run = runEpisode(plan, asset.tags);
    const T = PUMP_TAGS.length;
    const j = PUMP_TAGS.indexOf('winding_temp');
    // The winding reads ever hotter over the last 30 min while everything else stays as measured.
    for (let r = run.rows - 30; r < run.rows; r++)
      run.tags[r * T + j] = run.tags[r * T + j]! + (r - run.rows + 31);
    const frame = pumpFrame(run.tags, run.controls, run.rows, asset.tags);
    const occlusions = occlusionInputs({
      past: liveWindow(frame, card.normalization),
      baseline: card.baseline ? liveBaseline(frame, card.baseline.scale) : new Float32Array(0),
    });
    const [anomaly] = predictBatched(model, healthInputs(model.inputs.length, occlusions), 1 + T);
    model.dispose();
    const motor = ANOMALY_COMPONENTS.findIndex((c) => c.id === 'motor');
    expect(rankInfluences(anomaly!, A, motor)[0]?.tagId).toBe('winding_temp');
  }, 60_000);
});
