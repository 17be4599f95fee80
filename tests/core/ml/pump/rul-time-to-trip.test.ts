/**
 * The health model's remaining useful life counts down to the first trip, the event the what-if's "Time to
 * trip" counts (issue #17, problem 3): on the issue's own steps and on the held-out test episodes, the RUL
 * interval holds the simulated time of that trip, or reaches the cap where the physics never trips.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssetDefinition, TagDefinition } from '../../../../core/asset/schema';
import { planDataset } from '../../../../core/ml/pump/dataset';
import { runEpisode } from '../../../../core/ml/pump/episodes';
import {
  baselineOptions,
  healthInputs,
  healthWindows,
  liveBaseline,
  liveWindow,
  pumpFrame,
} from '../../../../core/ml/pump/features';
import { FAULT_CLASSES, RUL_CAP_HOURS, SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../../../core/ml/pump/spec';
import { predictBatched } from '../../../../core/ml/pump/train-loop';
import type { PumpSkidSimulator } from '../../../../core/sim';
import { DEFAULT_DATASET_SEED } from '../../../../scripts/dataset';
import { initTfNode } from '../../../../scripts/lib/tf-node';
import { PUMP_MODEL_DIR } from '../../../../scripts/pump/common';
import { loadPumpAsset } from '../../../../scripts/pump/dataset-io';
import { loadHealthModel } from '../../../../scripts/pump/load-models';
import { recordSimulator } from './simulator-recording';

const haveModel = existsSync(path.join(PUMP_MODEL_DIR, 'health', 'model-card.json'));
if (!haveModel) console.warn(`skipping RUL checks: no health model in ${PUMP_MODEL_DIR}`);

const ROWS_PER_HOUR = 3600 / SAMPLE_PERIOD_S;

/** RUL interval in hours from the model's ln(1 + h) mean and log σ, `k` σ wide on each side. */
function interval(mu: number, logSigma: number, k: number): [number, number] {
  const s = Math.exp(Math.min(3, Math.max(-4, logSigma)));
  return [Math.expm1(mu - k * s), Math.expm1(mu + k * s)];
}

function tripped(sim: PumpSkidSimulator, tags: readonly TagDefinition[]): string | null {
  for (const t of tags) {
    const v = sim.trueValue(t.id);
    if ((t.trip?.high !== undefined && v > t.trip.high) || (t.trip?.low !== undefined && v < t.trip.low))
      return t.id;
  }
  return null;
}

/** Hours until a true value crosses a trip limit with the setpoints held, or null within the cap. */
function hoursToTrip(sim: PumpSkidSimulator, tags: readonly TagDefinition[]): number | null {
  for (let r = 1; r <= RUL_CAP_HOURS * ROWS_PER_HOUR; r++) {
    sim.step(SAMPLE_PERIOD_S);
    if (tripped(sim, tags) !== null) return r / ROWS_PER_HOUR;
  }
  return null;
}

describe.skipIf(!haveModel)('health-model RUL = time to the first trip', () => {
  let asset: AssetDefinition;
  beforeAll(async () => {
    await initTfNode('wasm');
    asset = await loadPumpAsset();
  });

  it("agrees with the physics on the issue's steps: DE bearing wear 0.3 at 0.5/h, 100 min on", async () => {
    const { model, card } = await loadHealthModel();
    const rows = 60 + 100;
    const { sim, tags, controls } = recordSimulator(17, rows, {
      row: 60,
      faultId: 'bearing_wear',
      severity: 0.3,
      growthPerHour: 0.5,
    });
    const frame = pumpFrame(tags, controls, rows, asset.tags);
    const input = {
      past: liveWindow(frame, card.normalization),
      baseline: card.baseline ? liveBaseline(frame, card.baseline.scale) : new Float32Array(0),
    };
    const [, faultProbs, rul] = predictBatched(model, healthInputs(model.inputs.length, input), 1);
    model.dispose();
    const best = faultProbs!.indexOf(Math.max(...faultProbs!));
    expect(FAULT_CLASSES[best]).toBe('bearing_wear');
    const trip = hoursToTrip(
      sim,
      asset.tags.filter((t) => t.trip !== undefined),
    );
    const [lo, hi] = interval(rul![0]!, rul![1]!, 1);
    // The issue: RUL read 0.0–0.6 h while the plant did not trip. Whichever the physics says, the ±1σ
    // interval must hold it; "no trip within the cap" means the interval reaches the cap.
    if (trip === null) expect(hi).toBeGreaterThanOrEqual(RUL_CAP_HOURS - 0.05);
    else {
      expect(lo).toBeLessThanOrEqual(trip);
      expect(hi).toBeGreaterThanOrEqual(trip);
    }
  }, 120_000);

  it('holds the simulated time of the trip on the held-out degrading episodes', async () => {
    const { model, card } = await loadHealthModel();
    const test = planDataset(DEFAULT_DATASET_SEED).filter(
      (p) => p.split === 'test' && p.plan.kind === 'plant',
    );
    expect(test.length).toBeGreaterThanOrEqual(12);
    let windows = 0;
    let inside = 0;
    for (const p of test) {
      const run = runEpisode(p.plan, asset.tags);
      const frame = pumpFrame(run.tags, run.controls, run.rows, asset.tags);
      const w = healthWindows([frame], card.normalization, 30, baselineOptions(card));
      const [, , rul] = predictBatched(model, healthInputs(model.inputs.length, w), w.count);
      for (let n = 0; n < w.count; n++) {
        // From one window length after onset on: the window then holds the fault.
        if (w.endRow[n]! < run.plan.onsetRow + WINDOW_LENGTH) continue;
        const truth = run.rulHours[w.endRow[n]!]!;
        const [lo, hi] = interval(rul![2 * n]!, rul![2 * n + 1]!, 2);
        windows++;
        if (truth >= RUL_CAP_HOURS ? hi >= RUL_CAP_HOURS - 0.05 : lo <= truth && truth <= hi) inside++;
      }
    }
    model.dispose();
    // ±2σ of a calibrated Gaussian holds 95 %; the floor leaves room for the first windows of a fault.
    expect(inside / windows).toBeGreaterThanOrEqual(0.85);
  }, 300_000);
});
