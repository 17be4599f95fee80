/**
 * The live health model in Node, as the app runs it in the renderer: telemetry batches into a TelemetryRing and, at
 * every simulated minute, buildHealthBatch (the core/ml/pump features) → InferenceEngine.predict → decodeHealth.
 */
import type { HealthModelInputs } from '../../renderer/src/models/health-inputs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AssetDefinition } from '../../core/asset/schema';
import type { TelemetryBatch } from '../../core/api/types';
import { SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../core/ml/pump/spec';
import { InferenceEngine } from '../../renderer/src/inference/engine';
import type { TensorData } from '../../renderer/src/inference/inference-api';
import {
  buildHealthBatch,
  decodeHealth,
  HEALTH_MODEL_ID,
  statsFromCard,
} from '../../renderer/src/models/pump-health';
import { TelemetryRing } from '../../renderer/src/state/telemetry-ring';
import { PUMP_MODEL_DIR } from '../pump/common';

const MINUTE_MS = SAMPLE_PERIOD_S * 1000;
/** As the renderer: predict once half the model's window is in the ring. */
const WARM_UP_MS = (WINDOW_LENGTH * MINUTE_MS) / 2;
/** As the renderer: every 8th prediction also runs the per-tag occlusions behind "why". */
const EXPLAIN_EVERY = 8;
/** Inputs waiting for the model; past this the oldest is dropped (and counted), as a busy app would skip ticks. */
const MAX_QUEUED = 30;

export interface HealthLoop {
  /** Feeds one telemetry batch; queues one model input per simulated minute boundary it crosses. */
  add(batch: TelemetryBatch, controls: Record<string, number>): void;
  /** Runs every queued prediction. */
  drain(): Promise<void>;
  readonly predictions: number;
  readonly dropped: number;
  /** Highest per-component anomaly score of the newest prediction; NaN before the first. */
  readonly lastMaxAnomaly: number;
}

async function fetchFileBytes(url: string): Promise<ArrayBuffer> {
  const bytes = await readFile(fileURLToPath(url));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function sliceBatch(batch: TelemetryBatch, from: number, to: number): TelemetryBatch {
  return {
    assetId: batch.assetId,
    t: batch.t.slice(from, to),
    values: batch.values.map((v) => v.slice(from, to)),
    quality: batch.quality.map((q) => q.slice(from, to)),
  };
}

/** Loads models/pump-skid/health (model card statistics included) into the renderer's inference engine. */
export async function startHealthLoop(asset: AssetDefinition): Promise<HealthLoop> {
  const dir = path.join(PUMP_MODEL_DIR, 'health');
  const cardFile = path.join(dir, 'model-card.json');
  const card = JSON.parse(await readFile(cardFile, 'utf8')) as { baseline?: { scale: number[] } };
  const engine = new InferenceEngine(fetchFileBytes);
  await engine.load(HEALTH_MODEL_ID, pathToFileURL(path.join(dir, 'model.json')).href);
  // The soak has no history store and its ring holds an hour: the long baseline stays unavailable (flags 0).
  const inputs: HealthModelInputs = {
    stats: statsFromCard(card, cardFile),
    baseline: card.baseline,
    inputCount: engine.inputCount(HEALTH_MODEL_ID),
  };
  const ring = new TelemetryRing(asset.tags.length);
  const components = asset.components.map((c) => c.id);
  const queue: TensorData[][] = [];
  let firstTime = Number.NaN;
  let nextMinute = Number.NaN;
  let queued = 0;
  let predictions = 0;
  let dropped = 0;
  let lastMaxAnomaly = Number.NaN;

  const enqueue = (controls: Record<string, number>) => {
    if (ring.lastTime - firstTime < WARM_UP_MS) return;
    queue.push(buildHealthBatch(ring, asset, controls, inputs, queued % EXPLAIN_EVERY === 0));
    queued++;
    if (queue.length > MAX_QUEUED) {
      queue.shift();
      dropped++;
    }
  };

  return {
    add(batch, controls) {
      if (batch.t.length === 0) return;
      if (Number.isNaN(firstTime)) {
        firstTime = batch.t[0]!;
        nextMinute = Math.ceil(firstTime / MINUTE_MS) * MINUTE_MS;
      }
      // Push up to each minute boundary, then take that minute's window, so every window ends on its minute.
      let from = 0;
      for (let s = 0; s < batch.t.length; s++) {
        if (batch.t[s]! < nextMinute) continue;
        ring.push(sliceBatch(batch, from, s + 1));
        from = s + 1;
        enqueue(controls);
        while (nextMinute <= batch.t[s]!) nextMinute += MINUTE_MS;
      }
      if (from < batch.t.length) ring.push(sliceBatch(batch, from, batch.t.length));
    },
    async drain() {
      for (let input = queue.shift(); input; input = queue.shift()) {
        const outputs = await engine.predict(HEALTH_MODEL_ID, input);
        lastMaxAnomaly = Math.max(...decodeHealth(outputs, components).anomaly.filter(Number.isFinite));
        predictions++;
      }
    },
    get predictions() {
      return predictions;
    },
    get dropped() {
      return dropped;
    },
    get lastMaxAnomaly() {
      return lastMaxAnomaly;
    },
  };
}
