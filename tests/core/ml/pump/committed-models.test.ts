/**
 * The committed pump-skid models load, reproduce their cards' figures on the fixed fixture episodes
 * (regenerated from the simulator), leak no tensors, and the forecaster answers a speed step the
 * way the plant does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { futureInput, liveWindow, normalizeControls } from '../../../../core/ml/pump/features';
import { planEpisode, runEpisode } from '../../../../core/ml/pump/episodes';
import { warningRuleOf } from '../../../../core/ml/pump/detection-score';
import { episodeFromRun } from '../../../../core/ml/pump/evaluate-health';
import {
  HORIZON,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  PUMP_CONTROLS,
  PUMP_TAGS,
  WINDOW_LENGTH,
  FUTURE_CHANNELS,
} from '../../../../core/ml/pump/spec';
import { sliceFrame } from '../../../../core/data/frame';
import { PUMP_MODEL_DIR } from '../../../../scripts/pump/common';
import { loadPumpAsset } from '../../../../scripts/pump/dataset-io';
import { loadForecaster, loadHealthModel } from '../../../../scripts/pump/load-models';
import { healthFixtureMetrics } from '../../../../scripts/pump/health-fixture';
import { forecasterFixtureMetrics } from '../../../../scripts/pump/train-forecaster';
import { initTfNode } from '../../../../scripts/lib/tf-node';

/**
 * Floors under the committed health model's held-out figures (the card holds the exact values): macro-F1
 * meets issue #3 and false alarms meet ≤ 1 per 24 h under the card's warning rule (the larger of the largest
 * component probability and 1 − P(healthy), threshold chosen on validation with 40 more healthy episodes).
 * ROC-AUC (target 0.97) does not (0.953; validation 0.957), so its floor only guards against a change that
 * loses more ground (docs/models-pump-skid.md, Gaps).
 */
const MIN_ROC_AUC = 0.95;
const MAX_FALSE_ALARMS_PER_DAY = 1;
const MIN_MACRO_F1 = 0.9;
const MIN_SENSOR_F1 = 0.7;

const have = (m: string) => existsSync(path.join(PUMP_MODEL_DIR, m, 'model-card.json'));
const haveBoth = have('health') && have('forecaster');
if (!haveBoth) console.warn(`skipping committed pump-skid model checks: no models in ${PUMP_MODEL_DIR}`);

describe.skipIf(!haveBoth)('committed pump-skid models', () => {
  beforeAll(async () => {
    await initTfNode('wasm');
  });

  it('the health model reproduces its card on the fixture episodes and leaks no tensors', async () => {
    const asset = await loadPumpAsset();
    const { model, card } = await loadHealthModel();
    const before = tf.memory().numTensors;
    const m = healthFixtureMetrics(model, card.fixture.episodes, asset, card, warningRuleOf(card));
    expect(tf.memory().numTensors).toBe(before);
    for (const [k, v] of Object.entries(card.fixture.metrics)) expect(m[k], k).toBeCloseTo(v, 3);
    model.dispose();
  }, 60_000);

  it('both models were trained on one data set with the channels the feature pipeline builds', async () => {
    const h = await loadHealthModel();
    const f = await loadForecaster();
    expect(f.card.dataset.hash).toBe(h.card.dataset.hash);
    for (const card of [h.card, f.card]) {
      expect(card.features.valueChannels).toEqual([...PAST_VALUE_CHANNELS]);
      expect(card.architecture.inputs[0]!.shape).toEqual([WINDOW_LENGTH, PAST_CHANNELS]);
    }
    h.model.dispose();
    f.model.dispose();
  });

  it('the health card holds held-out figures at or above the committed floors', async () => {
    const { model, card } = await loadHealthModel();
    model.dispose();
    expect(card.test.falseAlarmsPer24h).toBeLessThanOrEqual(MAX_FALSE_ALARMS_PER_DAY);
    expect(card.test.detectionRocAuc).toBeGreaterThanOrEqual(MIN_ROC_AUC);
    expect(card.test.faultTypeMacroF1).toBeGreaterThanOrEqual(MIN_MACRO_F1);
    expect(card.test.perClassF1['sensor_fault']).toBeGreaterThanOrEqual(MIN_SENSOR_F1);
  });

  it('the forecaster reproduces its card on the fixture episodes', async () => {
    const asset = await loadPumpAsset();
    const { model, card } = await loadForecaster();
    const m = forecasterFixtureMetrics(model, card.fixture.episodes, asset, card.normalization);
    for (const [k, v] of Object.entries(card.fixture.metrics)) expect(m[k], k).toBeCloseTo(v, 3);
    model.dispose();
  }, 60_000);

  it('forecasts more flow and power when the speed setpoint is raised', async () => {
    const asset = await loadPumpAsset();
    const { model, card } = await loadForecaster();
    const stats = card.normalization;
    const plan = {
      ...planEpisode(0, 4242, 'healthy', 0),
      maxRows: 120,
      controls: [{ row: 0, controlId: 'speed_setpoint', value: 42 }],
    };
    const ep = episodeFromRun(runEpisode(plan, asset.tags), asset);
    const past = liveWindow(sliceFrame(ep.frame, 0, 100), stats);
    const C = PUMP_CONTROLS.length;
    const last = new Float32Array(C);
    PUMP_CONTROLS.forEach((_, j) => (last[j] = ep.controls[99 * C + j]!));
    const plannedFor = (speed: number) => {
      const p = new Float32Array(HORIZON * C);
      for (let h = 0; h < HORIZON; h++) p.set([speed, last[1]!, last[2]!], h * C);
      return futureInput(normalizeControls(p, stats), normalizeControls(last, stats), 1);
    };
    const predict = (speed: number) => {
      const y = tf.tidy(
        () =>
          model.predict([
            tf.tensor3d(past, [1, WINDOW_LENGTH, PAST_CHANNELS]),
            tf.tensor3d(plannedFor(speed), [1, HORIZON, FUTURE_CHANNELS]),
          ]) as tf.Tensor,
      );
      const d = y.dataSync() as Float32Array;
      y.dispose();
      return d;
    };
    const before = tf.memory().numTensors;
    const hold = predict(42);
    const faster = predict(48);
    expect(tf.memory().numTensors).toBe(before);
    const at = (d: Float32Array, tag: string, h: number) => {
      const j = PUMP_TAGS.indexOf(tag);
      const k = stats.tagIds.indexOf(tag);
      return d[h * PUMP_TAGS.length + j]! * stats.std[k]! + stats.mean[k]!;
    };
    for (const h of [5, 30, 59]) {
      expect(at(faster, 'flow', h) - at(hold, 'flow', h)).toBeGreaterThan(10);
      expect(at(faster, 'motor_power', h) - at(hold, 'motor_power', h)).toBeGreaterThan(3);
    }
    model.dispose();
  });
});
