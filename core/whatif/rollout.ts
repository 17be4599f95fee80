import type { Alarm } from '../alarms/types';
import { AlarmEngine } from '../alarms/alarm-engine';
import type { AssetDefinition } from '../asset/schema';
import { checkSample } from '../data/cleaning/streaming';
import { createPumpSkidSimulator, type PumpSkidSimulator, type PumpSkidSnapshot } from '../sim';
import { KpiAccumulator } from '../scenario/kpis';
import type { FaultInjection, WhatIfPlan } from '../scenario/whatif-request';
import { ControlSchedule } from './schedule';

export interface RolloutOptions {
  asset: AssetDefinition;
  /** Simulator state to start from (a fork of the live run, or a past moment). */
  from: PumpSkidSnapshot;
  horizonS: number;
  plan: WhatIfPlan;
  /** Simulated seconds between samples; 1 reproduces the live run exactly. */
  sampleIntervalS?: number;
  /** Keep every n-th sample for display; 0 keeps none (KPIs only). */
  keepEvery?: number;
  /** Called with every sample (asset tag order) — the optimiser's objective reads the run through this. */
  onSample?(tS: number, values: Float32Array): void;
}

export interface RolloutRun {
  /** Simulated time of the kept points, ms since epoch. */
  t: number[];
  /** Kept values per asset tag. */
  values: Float32Array[];
  /** Control targets at the kept points. */
  controls: Record<string, number[]>;
  kpis: KpiAccumulator;
  /** Whether a plant fault is still growing at the end (remaining useful life applies). */
  faultGrowing: boolean;
  /** The simulator and alarms at the end, to look past the horizon. */
  sim: PumpSkidSimulator;
  alarms: AlarmEngine;
  sampleIntervalS: number;
}

/**
 * Runs the simulator forward from a snapshot exactly as LiveSimulation does (step, sample, quality check,
 * alarm engine), applying the plan's control schedule and fault injections on the way.
 */
export function runRollout(opts: RolloutOptions): RolloutRun {
  const { asset } = opts;
  const dt = opts.sampleIntervalS ?? 1;
  const n = Math.max(1, Math.round(opts.horizonS / dt));
  const keepEvery = opts.keepEvery ?? 1;
  const kept = keepEvery > 0 ? Math.floor((n - 1) / keepEvery) + 1 : 0;

  const sim = createPumpSkidSimulator({ seed: opts.from.seed });
  sim.restore(opts.from);
  const { values, quality, take } = sampler(sim, asset);
  const alarms = new AlarmEngine(asset);
  const kpis = new KpiAccumulator(asset);
  const schedule = new ControlSchedule(opts.plan.controls, opts.plan.faults);
  const run: RolloutRun = {
    t: [],
    values: asset.tags.map(() => new Float32Array(kept)),
    controls: Object.fromEntries(asset.controls.map((c) => [c.id, [] as number[]])),
    kpis,
    faultGrowing: false,
    sim,
    alarms,
    sampleIntervalS: dt,
  };
  const known = new Set<string>();

  for (let k = 0; k < n; k++) {
    const tS = k * dt;
    const current = sim.controls();
    for (const [id, v] of Object.entries(schedule.targetsAt(tS, current))) sim.setControl(id, v);
    for (const f of schedule.faultsDue(tS) as (FaultInjection & { inert?: boolean })[]) {
      const spec = {
        faultId: f.faultId,
        severity: f.severity,
        growthPerHour: f.growthPerHour,
        ...(f.inert === true ? { inert: true } : {}),
      };
      sim.injectFault(f.targetTag === undefined ? spec : { ...spec, targetTag: f.targetTag });
    }
    take(dt);
    const tAfter = tS + dt;
    if (alarms.evaluate(values, quality, sim.simTime, sim.simTime))
      kpis.noteAlarms(tAfter, newAlarms(alarms, known));
    kpis.add(dt, values);
    opts.onSample?.(tAfter, values);
    if (keepEvery > 0 && k % keepEvery === 0) {
      const p = k / keepEvery;
      run.t.push(sim.simTime);
      for (let i = 0; i < values.length; i++) (run.values[i] as Float32Array)[p] = values[i] ?? Number.NaN;
      const targets = sim.controls();
      for (const [id, list] of Object.entries(run.controls)) list.push(targets[id] ?? Number.NaN);
    }
  }
  run.faultGrowing = sim
    .activeFaults()
    .some((f) => f.targetTag === undefined && f.growthPerHour > 0 && f.severity < 1);
  return run;
}

/** Steps the simulator and reads one sample in asset tag order with its quality, as LiveSimulation does. */
function sampler(sim: PumpSkidSimulator, asset: AssetDefinition) {
  const simIndex = new Map(sim.tagIds.map((id, i) => [id, i]));
  const simToAsset = Int32Array.from(asset.tags, (t) => simIndex.get(t.id) ?? -1);
  const simBuffer = new Float32Array(sim.tagIds.length);
  const values = new Float32Array(asset.tags.length);
  const quality = new Uint8Array(asset.tags.length);
  const take = (dt: number) => {
    sim.step(dt);
    sim.sample(simBuffer);
    for (let i = 0; i < values.length; i++) {
      const j = simToAsset[i] ?? -1;
      values[i] = j >= 0 ? (simBuffer[j] ?? Number.NaN) : Number.NaN;
    }
    checkSample(values, asset.tags, quality);
  };
  return { values, quality, take };
}

/** Alarms in the engine not seen before (their ids are added to `known`). */
function newAlarms(engine: AlarmEngine, known: Set<string>): Alarm[] {
  const raised: Alarm[] = [];
  for (const a of engine.snapshot()) {
    if (known.has(a.id)) continue;
    known.add(a.id);
    raised.push(a);
  }
  return raised;
}

/**
 * Continues a finished rollout without storing anything until a trip limit is crossed, at most maxS more
 * seconds; returns seconds after the fork of the trip, or null.
 */
export function continueUntilTrip(
  run: RolloutRun,
  asset: AssetDefinition,
  startS: number,
  maxS: number,
): number | null {
  // A minute per sample is fine for wear that grows over hours, and keeps a multi-day look cheap.
  const dt = Math.max(run.sampleIntervalS, 60);
  const { sim, alarms } = run;
  const { values, quality, take } = sampler(sim, asset);
  for (let tS = startS; tS < startS + maxS; tS += dt) {
    take(dt);
    if (alarms.evaluate(values, quality, sim.simTime, sim.simTime)) {
      if (alarms.snapshot().some((a) => a.kind.startsWith('trip') && a.active)) return tS + dt;
    }
  }
  return null;
}
