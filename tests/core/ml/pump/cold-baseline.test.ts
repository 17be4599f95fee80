/**
 * The long baseline must not become the model's only evidence: a model started while a fault already exists
 * (no history before the fault, so no deviation from any baseline) still reads that fault from the sensors
 * themselves. The first attempt at a long baseline failed exactly here (bearing anomaly 5 × 10⁻⁵ with the
 * DE vibration far above its alarm limit).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { healthInputs, liveBaseline, liveWindow, pumpFrame } from '../../../../core/ml/pump/features';
import {
  ANOMALY_COMPONENTS,
  BALANCE_CHANNELS,
  FAULT_CLASSES,
  PUMP_CONTROLS,
  PUMP_TAGS,
  WINDOW_LENGTH,
} from '../../../../core/ml/pump/spec';
import { predictBatched } from '../../../../core/ml/pump/train-loop';
import { initTfNode } from '../../../../scripts/lib/tf-node';
import { PUMP_MODEL_DIR } from '../../../../scripts/pump/common';
import { loadPumpAsset } from '../../../../scripts/pump/dataset-io';
import { loadHealthModel } from '../../../../scripts/pump/load-models';
import { recordSimulator } from './simulator-recording';

const haveModel = existsSync(path.join(PUMP_MODEL_DIR, 'health', 'model-card.json'));
if (!haveModel) console.warn(`skipping the cold-baseline check: no health model in ${PUMP_MODEL_DIR}`);

describe.skipIf(!haveModel)('health model with no baseline to compare against', () => {
  let asset: AssetDefinition;
  beforeAll(async () => {
    await initTfNode('wasm');
    asset = await loadPumpAsset();
  });

  it('reads a DE-bearing fault that was there before the app started, as it does with hours of history', async () => {
    const { model, card } = await loadHealthModel();
    const scale = card.baseline?.scale;
    expect(scale, 'the committed card has a long baseline').toBeDefined();
    const rows = 8 * 60;
    const { tags, controls } = recordSimulator(23, rows, {
      row: 4 * 60,
      faultId: 'bearing_wear',
      severity: 0.5,
      growthPerHour: 0.05,
    });
    const T = PUMP_TAGS.length;
    const C = PUMP_CONTROLS.length;
    const bearing = ANOMALY_COMPONENTS.findIndex((c) => c.id === 'bearing_de');
    const predict = (from: number) => {
      const frame = pumpFrame(tags.subarray(from * T), controls.subarray(from * C), rows - from, asset.tags);
      const input = { past: liveWindow(frame, card.normalization), baseline: liveBaseline(frame, scale!) };
      const [anomaly, faultProbs] = predictBatched(model, healthInputs(model.inputs.length, input), 1);
      const best = faultProbs!.indexOf(Math.max(...faultProbs!));
      return {
        bearing: anomaly![bearing]!,
        faultClass: FAULT_CLASSES[best],
        flags: input.baseline[BALANCE_CHANNELS.length],
      };
    };
    const withHistory = predict(0); // four healthy hours before the fault
    const cold = predict(rows - WINDOW_LENGTH); // started inside the fault: no baseline at all
    model.dispose();
    expect(withHistory.flags).toBe(1);
    expect(cold.flags).toBe(0);
    for (const p of [withHistory, cold]) {
      expect(p.bearing).toBeGreaterThan(0.9);
      expect(p.faultClass).toBe('bearing_wear');
    }
  }, 60_000);
});
