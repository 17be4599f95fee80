/**
 * The what-if surrogate built by the renderer's own code (ring → inputs → forecaster → engineering units)
 * from a recorded live run: it answers a speed step the way the plant does, and stays near the physics.
 * Runs the committed forecaster with tfjs directly (wasm, cpu fallback), not through the worker.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/src/i18n/i18n';
import type { HistoryGrid } from '../../core/api/domains/history';
import type { TelemetryBatch } from '../../core/api/types';
import type { ForecasterCard } from '../../core/ml/pump/card';
import { compareWhatIf, type WhatIfComparison } from '../../core/whatif/compare';
import type { WhatIfPlanInput } from '../../core/scenario/whatif-request';
import { whatIfPlanSchema } from '../../core/scenario/whatif-request';
import { LiveSimulation } from '../../electron/services/live-simulation';
import { PUMP_MODEL_DIR } from '../../scripts/pump/common';
import { loadForecaster } from '../../scripts/pump/load-models';
import { initTfNode } from '../../scripts/lib/tf-node';
import type { TensorData } from '../../renderer/src/inference/inference-api';
import { resampleRing } from '../../renderer/src/state/ring-window';
import { TelemetryRing } from '../../renderer/src/state/telemetry-ring';
import { surrogateGaps, valueAt } from '../../renderer/src/features/whatif/surrogate/surrogate-compare';
import {
  surrogateRollout,
  type SurrogateRollout,
} from '../../renderer/src/features/whatif/surrogate/surrogate-rollout';
import { pumpSkid } from '../core/whatif/helpers';

const asset = pumpSkid();
const haveModel = existsSync(path.join(PUMP_MODEL_DIR, 'forecaster', 'model-card.json'));
if (!haveModel) console.warn(`skipping surrogate checks: no forecaster in ${PUMP_MODEL_DIR}`);

const STEP: WhatIfPlanInput = { controls: [{ controlId: 'speed_setpoint', atS: 0, to: 48 }] };
const HOLD: WhatIfPlanInput = { controls: [] };

/** 48 min of the live simulation at 1 Hz (speed 42 Hz), pushed into a ring as the renderer receives it. */
function recordLive(minutes: number) {
  const batches: TelemetryBatch[] = [];
  const live = new LiveSimulation({
    asset,
    seed: 11,
    onTelemetry: (b) => batches.push(b),
    onAlarms: () => undefined,
    now: () => 0,
  });
  live.setControl('speed_setpoint', 42);
  live.advance(minutes * 60_000);
  const ring = new TelemetryRing(asset.tags.length, 3600);
  for (const b of batches) ring.push(b);
  return { ring, fork: live.snapshot(), controls: live.snapshot().controls };
}

describe.skipIf(!haveModel)('what-if surrogate on the committed forecaster', () => {
  let card: ForecasterCard;
  let predict: (inputs: TensorData[]) => Promise<TensorData[]>;
  let rec: ReturnType<typeof recordLive>;
  let physics: WhatIfComparison;
  const answer = async (
    plan: WhatIfPlanInput,
    horizonS = 3600,
    ring = rec.ring,
  ): Promise<SurrogateRollout> => {
    const a = await surrogateRollout({
      ring,
      asset,
      fork: { forkId: 'f1', simTime: rec.fork.simTime, controls: rec.controls },
      plan,
      horizonS,
      stats: card.normalization,
      predict,
    });
    if ('skipped' in a) throw new Error(a.skipped());
    return a.rollout;
  };
  /** The STEP plan from `rec`'s fork over `ring`, with the history store given by `historyBefore`. */
  const stepFrom = (
    ring: TelemetryRing,
    r: ReturnType<typeof recordLive> & { forkId: string },
    historyBefore?: () => Promise<HistoryGrid>,
  ) =>
    surrogateRollout({
      ring,
      asset,
      fork: { forkId: r.forkId, simTime: r.fork.simTime, controls: r.controls },
      plan: STEP,
      horizonS: 3600,
      stats: card.normalization,
      predict,
      ...(historyBefore ? { historyBefore } : {}),
    });
  const at = (r: SurrogateRollout, tag: string, minute: number) =>
    r.values[asset.tags.findIndex((t) => t.id === tag)]![minute - 1]!;

  beforeAll(async () => {
    await initTfNode('wasm');
    const loaded = await loadForecaster();
    card = loaded.card;
    predict = (inputs) => {
      const out = tf.tidy(() => {
        const y = loaded.model.predict(inputs.map((t) => tf.tensor(t.data, t.shape))) as tf.Tensor;
        return { data: y.dataSync() as Float32Array, shape: y.shape };
      });
      return Promise.resolve([out]);
    };
    rec = recordLive(48);
    physics = compareWhatIf({
      asset,
      from: rec.fork,
      horizonS: 3600,
      plan: whatIfPlanSchema.parse(STEP),
      ensemble: 1,
      rulLookaheadS: 0,
    });
  }, 60_000);

  it('raising the speed raises forecast flow and power, as the physics does', async () => {
    const step = await answer(STEP);
    const hold = await answer(HOLD);
    expect(step.minutes).toBe(60);
    for (const minute of [5, 30, 60]) {
      expect(at(step, 'flow', minute) - at(hold, 'flow', minute), `flow +${minute} min`).toBeGreaterThan(10);
      expect(
        at(step, 'motor_power', minute) - at(hold, 'motor_power', minute),
        `power +${minute} min`,
      ).toBeGreaterThan(3);
    }
    const k = asset.tags.findIndex((t) => t.id === 'flow');
    const physFlow30 = valueAt(physics.t, physics.scenario.values[k]!, rec.fork.simTime + 30 * 60_000);
    const physBase30 = valueAt(physics.t, physics.baseline.values[k]!, rec.fork.simTime + 30 * 60_000);
    expect(physFlow30! - physBase30!).toBeGreaterThan(10);
  });

  it('stays within 3× the card test MAE of the physics on flow at +30 min', async () => {
    const step = await answer(STEP);
    const k = asset.tags.findIndex((t) => t.id === 'flow');
    const phys = valueAt(physics.t, physics.scenario.values[k]!, step.t[29]!);
    const gap = Math.abs(at(step, 'flow', 30) - phys!);
    const mae = card.test.mae['30']!.flow!;
    console.info(
      `flow at +30 min: surrogate ${at(step, 'flow', 30).toFixed(1)}, physics ${phys!.toFixed(1)}, gap ${gap.toFixed(2)} m³/h, card MAE ${mae}`,
    );
    expect(gap).toBeLessThanOrEqual(3 * mae);
    const table = surrogateGaps(physics, step, ['flow', 'motor_power', 'bearing_de_temp'], card.test.mae);
    console.info(
      table.rows.map((r) => `${r.tagId}: mean gap ${r.gap?.toFixed(2)} (card ${r.cardMae})`).join('; '),
    );
    expect(table.cardHorizonMin).toBe(60);
    expect(table.rows.map((r) => r.gap)).not.toContain(null);
  });

  it('answers "do nothing" in the same call: its baseline is the held-setpoint answer', async () => {
    const step = await answer(STEP);
    const hold = await answer(HOLD);
    const k = asset.tags.findIndex((t) => t.id === 'flow');
    for (const minute of [1, 30, 60])
      expect(step.baseline[k]![minute - 1]!).toBeCloseTo(hold.values[k]![minute - 1]!, 3);
    expect(step.outsideTraining).toEqual([]);
  });

  it('says when a setpoint lies outside the data it was trained on (extrapolation)', async () => {
    const slow = await answer({ controls: [{ controlId: 'speed_setpoint', atS: 600, to: 20 }] });
    expect(slow.outsideTraining[0]).toMatchObject({ id: 'speed_setpoint', value: 20, kind: 'setpoint' });
    expect(slow.outsideTraining[0]!.z).toBeLessThan(-3);
  });

  it('reads the past from the history store when the live buffer does not reach back far enough', async () => {
    const short = recordLive(10);
    // The store's grid of the same 48 minutes the full recording holds (what historyGrid returns).
    const g = resampleRing(rec.ring, rec.fork.simTime, 48, 60_000);
    const grid: HistoryGrid = {
      to: rec.fork.simTime,
      stepMs: 60_000,
      tagIds: asset.tags.map((t) => t.id),
      values: asset.tags.map((_, k) => Array.from({ length: 48 }, (_, r) => g[r * asset.tags.length + k]!)),
      setpoints: {},
    };
    const viaStore = await stepFrom(short.ring, { ...rec, forkId: 'f3' }, () => Promise.resolve(grid));
    if ('skipped' in viaStore) throw new Error(viaStore.skipped());
    expect(viaStore.rollout.pastSource).toBe('history store');
    const viaRing = await answer(STEP);
    expect(viaRing.pastSource).toBe('live buffer');
    expect(at(viaStore.rollout, 'flow', 30)).toBeCloseTo(at(viaRing, 'flow', 30), 3);
  });

  it('caps a longer horizon at the forecaster’s 60 min and says what was asked', async () => {
    const r = await answer(STEP, 4 * 3600);
    expect(r.minutes).toBe(60);
    expect(r.requestedMinutes).toBe(240);
    expect(r.t.at(-1)! - rec.fork.simTime).toBe(60 * 60_000);
  });

  it('skips with a reason when the ring holds less than 24 min before the fork', async () => {
    const short = recordLive(10);
    const a = await stepFrom(short.ring, { ...short, forkId: 'f2' });
    if (!('skipped' in a)) throw new Error('answered with too little history');
    expect(a.skipped()).toMatch(/surrogate needs 24 min of history/);
    // The reason is said in the language shown now, not the one it was found in.
    await i18n.changeLanguage('zh-CN');
    expect(a.skipped()).toMatch(/^代理模型需要分叉前 24 分钟的历史数据/);
    await i18n.changeLanguage('en');
    const none = await stepFrom(short.ring, { ...short, forkId: 'f4' }, () =>
      Promise.reject(new Error('no history store')),
    );
    if (!('skipped' in none)) throw new Error('answered without history');
    expect(none.skipped()).toMatch(/could not be read \(no history store\)/);
  });
});
