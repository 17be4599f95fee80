/**
 * The surrogate (pump forecaster) against the physics on a what-if valve move from 80 % to 50 %, at three
 * speeds: the mean |surrogate − physics| flow gap over the hour after the move, and that gap in units of the
 * card's test MAE (what the what-if's trust verdict flags above 2×). Each case runs the live simulator 60 min
 * at the speed with the valve at 80 %, forks, and asks both the physics what-if and the renderer's own
 * surrogateRollout (the app's code path) for the same plan.
 *
 *   npx vite-node scripts/pump/valve-move-gap.ts [forecaster model dir]
 */
import * as tf from '@tensorflow/tfjs';
import type { AssetDefinition } from '../../core/asset/schema';
import { whatIfPlanSchema } from '../../core/scenario/whatif-request';
import { compareWhatIf } from '../../core/whatif/compare';
import { LiveSimulation } from '../../electron/services/live-simulation';
import { surrogateGaps } from '../../renderer/src/features/whatif/surrogate/surrogate-compare';
import { surrogateRollout } from '../../renderer/src/features/whatif/surrogate/surrogate-rollout';
import { TelemetryRing } from '../../renderer/src/state/telemetry-ring';
import type { ForecasterCard } from '../../core/ml/pump/card';
import { isMainScript } from '../lib/files';
import { initTfNode } from '../lib/tf-node';
import { loadPumpAsset } from './dataset-io';
import { loadForecaster } from './load-models';

export const VALVE_MOVE_SPEEDS_HZ = [40, 45, 50];
const FROM_PCT = 80;
const TO_PCT = 50;

export interface ValveMoveGap {
  speedHz: number;
  /** Mean |surrogate − physics| flow over the horizon, m³/h. */
  flowGap: number;
  /** The card's flow test MAE at the horizon, m³/h, and the gap over it. */
  cardMae: number;
  ratio: number;
}

export async function valveMoveGaps(
  asset: AssetDefinition,
  model: tf.LayersModel,
  card: ForecasterCard,
): Promise<ValveMoveGap[]> {
  const predict = (inputs: { data: Float32Array; shape: number[] }[]) =>
    Promise.resolve([
      tf.tidy(() => {
        const y = model.predict(inputs.map((t) => tf.tensor(t.data, t.shape))) as tf.Tensor;
        return { data: y.dataSync() as Float32Array, shape: y.shape };
      }),
    ]);
  const out: ValveMoveGap[] = [];
  for (const speedHz of VALVE_MOVE_SPEEDS_HZ) {
    const ring = new TelemetryRing(asset.tags.length, 3600);
    const live = new LiveSimulation({
      asset,
      seed: 3,
      onTelemetry: (b) => ring.push(b),
      onAlarms: () => undefined,
      now: () => 0,
    });
    live.setControl('speed_setpoint', speedHz);
    live.setControl('valve_setpoint', FROM_PCT);
    live.advance(60 * 60_000);
    const from = live.snapshot();
    const plan = whatIfPlanSchema.parse({ controls: [{ controlId: 'valve_setpoint', atS: 0, to: TO_PCT }] });
    const physics = compareWhatIf({ asset, from, horizonS: 3600, plan, ensemble: 1, rulLookaheadS: 0 });
    const answer = await surrogateRollout({
      ring,
      asset,
      fork: { forkId: `valve-${speedHz}`, simTime: from.simTime, controls: from.controls },
      plan,
      horizonS: 3600,
      stats: card.normalization,
      predict,
    });
    if ('skipped' in answer) throw new Error(`valve move at ${speedHz} Hz: ${answer.skipped}`);
    const row = surrogateGaps(physics, answer.rollout, ['flow'], card.test.mae).rows[0]!;
    if (row.gap === null || row.cardMae === null) throw new Error('valve move: no flow gap or card MAE');
    out.push({ speedHz, flowGap: row.gap, cardMae: row.cardMae, ratio: row.gap / row.cardMae });
  }
  return out;
}

if (isMainScript('valve-move-gap.ts')) {
  await initTfNode('wasm');
  const asset = await loadPumpAsset();
  const { model, card } = await loadForecaster(process.argv[2]);
  for (const g of await valveMoveGaps(asset, model, card))
    console.log(
      `valve ${FROM_PCT} → ${TO_PCT} % at ${g.speedHz} Hz: flow gap ${g.flowGap.toFixed(2)} m³/h = ` +
        `${g.ratio.toFixed(1)} × the card's test MAE (${g.cardMae.toFixed(2)} m³/h)`,
    );
}
