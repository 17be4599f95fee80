/**
 * Forecaster figures: MAE per tag and horizon (engineering units) against persistence, on windows
 * where a setpoint changes, and against the physics simulator itself forked at the forecast origin.
 */
import type * as tf from '@tensorflow/tfjs';
import type { AssetDefinition } from '../../asset/schema';
import type { NormalizationStats } from '../../data/normalization';
import { statsIndex } from '../../data/normalization';
import { createPumpSkidSimulator } from '../../sim';
import type { PumpSkidSnapshot } from '../../sim';
import { runEpisode, type EpisodePlan } from './episodes';
import type { PumpEpisode } from './evaluate-health';
import { forecastWindows, type ForecastWindows } from './features';
import { predictBatched } from './train-loop';
import {
  FUTURE_CHANNELS,
  HORIZON,
  PAST_CHANNELS,
  PUMP_CONTROLS,
  PUMP_TAGS,
  SAMPLE_PERIOD_S,
  WINDOW_LENGTH,
} from './spec';

export const REPORT_HORIZONS = [1, 10, 30, 60];
/** Tags a setpoint change moves within the hour: speed, hydraulics and electrical load. */
export const CONTROL_MOVED_TAGS = [
  'vfd_frequency',
  'motor_speed',
  'motor_current',
  'motor_power',
  'flow',
  'discharge_pressure',
  'differential_head',
  'valve_position',
];

export interface ForecastOutputs {
  windows: ForecastWindows;
  /** [N, HORIZON, PUMP_TAGS], z units. */
  forecast: Float32Array;
}

export function predictForecast(
  model: tf.LayersModel,
  episodes: readonly PumpEpisode[],
  stats: NormalizationStats,
  stride: number,
): ForecastOutputs {
  const w = forecastWindows(
    episodes.map((e) => e.frame),
    stats,
    stride,
  );
  const [forecast] = predictBatched(
    model,
    [
      { data: w.past, shape: [WINDOW_LENGTH, PAST_CHANNELS] },
      { data: w.future, shape: [HORIZON, FUTURE_CHANNELS] },
    ],
    w.count,
  );
  return { windows: w, forecast: forecast! };
}

/** True when any planned setpoint differs from the last past one within the horizon. */
export function hasControlChange(w: ForecastWindows, n: number): boolean {
  const C = PUMP_CONTROLS.length;
  for (let h = 0; h < HORIZON; h++)
    for (let j = 0; j < C; j++)
      if (Math.abs(w.future[(n * HORIZON + h) * FUTURE_CHANNELS + C + j]!) > 1e-6) return true;
  return false;
}

interface Acc {
  sum: Float64Array;
  n: Float64Array;
}
const acc = (): Acc => ({ sum: new Float64Array(PUMP_TAGS.length), n: new Float64Array(PUMP_TAGS.length) });
function addTo(a: Acc, j: number, v: number): void {
  a.sum[j] = a.sum[j]! + v;
  a.n[j] = a.n[j]! + 1;
}
const finish = (a: Acc): Record<string, number> =>
  Object.fromEntries(PUMP_TAGS.map((t, j) => [t, a.n[j]! > 0 ? round4(a.sum[j]! / a.n[j]!) : 0]));

export interface ForecastMetrics {
  mae: Record<string, Record<string, number>>;
  persistenceMae: Record<string, Record<string, number>>;
  controlChange: {
    windows: number;
    mae: Record<string, number>;
    persistenceMae: Record<string, number>;
    improvement: Record<string, number>;
    meanImprovement: number;
  };
}

export function forecastMetrics(out: ForecastOutputs, stats: NormalizationStats): ForecastMetrics {
  const w = out.windows;
  const T = PUMP_TAGS.length;
  const std = Array.from(statsIndex(stats, PUMP_TAGS), (k) => stats.std[k]!);
  const mae: ForecastMetrics['mae'] = {};
  const pers: ForecastMetrics['persistenceMae'] = {};
  const ccModel = acc();
  const ccPers = acc();
  let ccWindows = 0;
  const change = Array.from({ length: w.count }, (_, n) => hasControlChange(w, n));
  for (const H of REPORT_HORIZONS) {
    const m = acc();
    const p = acc();
    const h = H - 1;
    for (let n = 0; n < w.count; n++) {
      if (H === HORIZON && change[n]) ccWindows++;
      for (let j = 0; j < T; j++) {
        const o = (n * HORIZON + h) * T + j;
        if (w.targetMask[o] !== 1) continue;
        const em = Math.abs(out.forecast[o]! - w.targets[o]!) * std[j]!;
        const ep = Math.abs(w.lastValue[n * T + j]! - w.targets[o]!) * std[j]!;
        addTo(m, j, em);
        addTo(p, j, ep);
        if (H === HORIZON && change[n]) {
          addTo(ccModel, j, em);
          addTo(ccPers, j, ep);
        }
      }
    }
    mae[String(H)] = finish(m);
    pers[String(H)] = finish(p);
  }
  const ccM = finish(ccModel);
  const ccP = finish(ccPers);
  const improvement: Record<string, number> = {};
  for (const t of CONTROL_MOVED_TAGS) improvement[t] = ccP[t]! > 0 ? round4(1 - ccM[t]! / ccP[t]!) : 0;
  const vals = Object.values(improvement);
  return {
    mae,
    persistenceMae: pers,
    controlChange: {
      windows: ccWindows,
      mae: pick(ccM, CONTROL_MOVED_TAGS),
      persistenceMae: pick(ccP, CONTROL_MOVED_TAGS),
      improvement,
      meanImprovement: round4(vals.reduce((a, b) => a + b, 0) / vals.length),
    },
  };
}

/**
 * The physics simulator as a forecaster: restored from a snapshot at the forecast origin (so it
 * knows the true plant state and any fault), driven by the same planned setpoints, but with its
 * own noise and disturbances. MAE at the last step per moved tag, beside the model's on the same windows.
 */
export function physicsBaseline(
  out: ForecastOutputs,
  plans: readonly EpisodePlan[],
  stats: NormalizationStats,
  asset: AssetDefinition,
  maxWindows: number,
): {
  windows: number;
  mae: Record<string, number>;
  modelMae: Record<string, number>;
  persistenceMae: Record<string, number>;
} {
  const w = out.windows;
  const T = PUMP_TAGS.length;
  const idx = statsIndex(stats, PUMP_TAGS);
  const picked: number[] = [];
  for (let n = 0; n < w.count && picked.length < maxWindows; n++) if (hasControlChange(w, n)) picked.push(n);
  const phys = acc();
  const model = acc();
  const pers = acc();
  const byEp = new Map<number, number[]>();
  for (const n of picked) {
    const list = byEp.get(w.frameIndex[n]!) ?? [];
    list.push(n);
    byEp.set(w.frameIndex[n]!, list);
  }
  const sample = new Float32Array(T);
  for (const [k, list] of byEp) {
    const plan = plans[k]!;
    const wanted = new Map(list.map((n) => [w.endRow[n]!, n]));
    const snaps = new Map<number, PumpSkidSnapshot>();
    runEpisode(plan, asset.tags, (row, sim) => {
      if (wanted.has(row)) snaps.set(row, sim.snapshot());
    });
    for (const [row, n] of wanted) {
      const snap = snaps.get(row);
      if (!snap) continue;
      const sim = createPumpSkidSimulator({ seed: plan.seed });
      sim.restore({ ...snap, rngState: (snap.rngState ^ 0x5bd1e995) >>> 0 });
      for (let h = 0; h < HORIZON; h++) {
        const r = row + 1 + h;
        for (const e of plan.controls) if (e.row === r) sim.setControl(e.controlId, e.value);
        if (r === plan.onsetRow && plan.faultId !== null) {
          const spec = { faultId: plan.faultId, severity: plan.severity0, growthPerHour: plan.growthPerHour };
          sim.injectFault(plan.targetTag !== null ? { ...spec, targetTag: plan.targetTag } : spec);
        }
        sim.step(SAMPLE_PERIOD_S);
        sim.sample(sample);
      }
      for (let j = 0; j < T; j++) {
        const o = (n * HORIZON + HORIZON - 1) * T + j;
        if (w.targetMask[o] !== 1 || !Number.isFinite(sample[j]!)) continue;
        const sd = stats.std[idx[j]!]!;
        const truth = w.targets[o]! * sd + stats.mean[idx[j]!]!;
        addTo(phys, j, Math.abs(sample[j]! - truth));
        addTo(model, j, Math.abs(out.forecast[o]! - w.targets[o]!) * sd);
        addTo(pers, j, Math.abs(w.lastValue[n * T + j]! - w.targets[o]!) * sd);
      }
    }
  }
  return {
    windows: picked.length,
    mae: pick(finish(phys), CONTROL_MOVED_TAGS),
    modelMae: pick(finish(model), CONTROL_MOVED_TAGS),
    persistenceMae: pick(finish(pers), CONTROL_MOVED_TAGS),
  };
}

function pick(r: Record<string, number>, keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, r[k] ?? 0]));
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
