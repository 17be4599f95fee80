/**
 * What-if figures: physics rollout time for a 1-hour horizon (plan + "do nothing", single member and an
 * 8-member ensemble), slider-to-response latency of the physics path (p50, p95 over repeated slider moves),
 * and the setpoint optimiser's time; the learned surrogate's answer to the same slider moves (the renderer's own
 * surrogateRollout on tfjs wasm and cpu in Node; in the app it runs in the inference worker, WebGPU first).
 * Usage: npx vite-node scripts/bench-whatif.ts [moves]
 */
import { readFileSync } from 'node:fs';
import { parseAssetJson } from '../core/asset/parse';
import { whatIfPlanSchema } from '../core/scenario/whatif-request';
import { createPumpSkidSimulator } from '../core/sim';
import { compareWhatIf } from '../core/whatif/compare';
import { suggestSetpoints } from '../core/whatif/optimiser';
import { runRollout } from '../core/whatif/rollout';
import * as tf from '@tensorflow/tfjs';
import type { AssetDefinition } from '../core/asset/schema';
import { LiveSimulation } from '../electron/services/live-simulation';
import { TelemetryRing } from '../renderer/src/state/telemetry-ring';
import { surrogateRollout } from '../renderer/src/features/whatif/surrogate/surrogate-rollout';
import { initTfNode } from './lib/tf-node';
import { loadForecaster } from './pump/load-models';

const moves = Number(process.argv[2] ?? 20) || 20;
const parsed = parseAssetJson(readFileSync('assets/pump-skid/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('assets/pump-skid/asset.json does not parse');
const asset = parsed.asset;
const sim = createPumpSkidSimulator({ seed: 1 });
sim.injectFault({ faultId: 'bearing_wear', severity: 0.2, growthPerHour: 0.05 });
for (let i = 0; i < 600; i++) sim.step(1);
const fork = sim.snapshot();

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};
const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const plan = (speed: number) =>
  whatIfPlanSchema.parse({ controls: [{ controlId: 'speed_setpoint', atS: 0, to: speed }] });

// Warm the JIT so the figures reflect steady running.
for (let i = 0; i < 3; i++) runRollout({ asset, from: fork, horizonS: 3600, plan: plan(45), keepEvery: 6 });

const single = Array.from({ length: 5 }, () =>
  time(() => runRollout({ asset, from: fork, horizonS: 3600, plan: plan(45), keepEvery: 6 })),
);
const pair = Array.from({ length: 3 }, () =>
  time(() => compareWhatIf({ asset, from: fork, horizonS: 3600, plan: plan(45), ensemble: 1 })),
);
const ensemble = Array.from({ length: 2 }, () =>
  time(() => compareWhatIf({ asset, from: fork, horizonS: 3600, plan: plan(45), ensemble: 8 })),
);

// A slider move reruns the plan (do nothing is cached per fork), one member, no look past the horizon —
// what the tuning sliders request.
const slider = Array.from({ length: moves }, (_, i) =>
  time(() =>
    compareWhatIf({
      asset,
      from: fork,
      horizonS: 3600,
      plan: plan(30 + (i % 20)),
      ensemble: 1,
      rulLookaheadS: 0,
    }),
  ),
);
const optimiser = time(() =>
  suggestSetpoints({
    asset,
    from: fork,
    horizonS: 1800,
    targets: [
      { tagId: 'flow', target: 250, weight: 10 },
      { tagId: 'discharge_pressure', target: 4.5, weight: 5 },
    ],
    energyWeight: 0.01,
  }),
);

const med = (xs: number[]) => percentile(xs, 0.5);
const line = (label: string, value: string, note = '') =>
  console.log(`${label.padEnd(58)}${value.padStart(12)}  ${note}`);
console.log(`bench-whatif: pump skid, fork with bearing wear, 1 s sampling (as live), ${moves} slider moves`);
line(
  'physics rollout, 1 h horizon, one run (median)',
  `${med(single).toFixed(1)} ms`,
  `${Math.round(3600 / (med(single) / 1000)).toLocaleString('en-US')} sim-s/wall-s`,
);
line('physics what-if, 1 h, plan + do nothing, 1 member + RUL (median)', `${med(pair).toFixed(1)} ms`);
line('physics what-if, 1 h, plan + do nothing, 8 members + RUL (median)', `${med(ensemble).toFixed(1)} ms`);
line(
  'slider → physics response (compute), p50',
  `${percentile(slider, 0.5).toFixed(1)} ms`,
  'target 150 ms (surrogate)',
);
line('slider → physics response (compute), p95', `${percentile(slider, 0.95).toFixed(1)} ms`);
for (const s of await timeSurrogate(asset, moves)) {
  if ('missing' in s) {
    line('surrogate rollout, 1 h', 'n/a', s.missing);
    continue;
  }
  line(`slider → surrogate response (compute), ${s.backend}, p50`, `${s.p50.toFixed(1)} ms`, 'target 150 ms');
  line(`slider → surrogate response (compute), ${s.backend}, p95`, `${s.p95.toFixed(1)} ms`);
}
line('optimiser (CEM, 6 × 20 + verification, 30 min horizon)', `${optimiser.toFixed(0)} ms`);

/**
 * The surrogate's answer per slider move (ring → inputs → one predict → engineering units) from 48 min of live
 * telemetry with the same bearing wear, on each tfjs backend Node has.
 */
async function timeSurrogate(a: AssetDefinition, n: number) {
  const batches: { t: number[]; values: (number | null)[][]; quality: number[][]; assetId: string }[] = [];
  const live = new LiveSimulation({
    asset: a,
    seed: 1,
    onTelemetry: (b) => batches.push(b),
    onAlarms: () => undefined,
    now: () => 0,
  });
  live.injectFault({ faultId: 'bearing_wear', severity: 0.2, growthPerHour: 0.05 });
  live.advance(48 * 60_000);
  const ring = new TelemetryRing(a.tags.length, 3600);
  for (const b of batches) ring.push(b);
  const snap = live.snapshot();
  const out: ({ backend: string; p50: number; p95: number } | { missing: string })[] = [];
  for (const backend of ['wasm', 'cpu'] as const) {
    if (backend === 'wasm') await initTfNode('wasm');
    else await tf.setBackend('cpu');
    let loaded: Awaited<ReturnType<typeof loadForecaster>>;
    try {
      loaded = await loadForecaster();
    } catch (e) {
      return [{ missing: `no forecaster (${(e as Error).message})` }];
    }
    const { model, card } = loaded;
    const predict = (inputs: { data: Float32Array; shape: number[] }[]) =>
      Promise.resolve([
        tf.tidy(() => {
          const y = model.predict(inputs.map((t) => tf.tensor(t.data, t.shape))) as tf.Tensor;
          return { data: y.dataSync() as Float32Array, shape: y.shape };
        }),
      ]);
    const once = async (speed: number) => {
      const t0 = performance.now();
      const r = await surrogateRollout({
        ring,
        asset: a,
        fork: { forkId: 'bench', simTime: snap.simTime, controls: snap.controls },
        plan: { controls: [{ controlId: 'speed_setpoint', atS: 0, to: speed }] },
        horizonS: 3600,
        stats: card.normalization,
        predict,
      });
      if ('skipped' in r) throw new Error(r.skipped());
      return performance.now() - t0;
    };
    for (let i = 0; i < 3; i++) await once(45);
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push(await once(30 + (i % 20)));
    out.push({ backend: tf.getBackend(), p50: percentile(xs, 0.5), p95: percentile(xs, 0.95) });
    model.dispose();
  }
  return out;
}
