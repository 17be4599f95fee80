import type { AssetDefinition } from '../asset/schema';
import type { PumpSkidSnapshot } from '../sim';
import { isSensorFault } from '../sim/faults';
import { kpiDeltas } from '../scenario/kpis';
import type { RolloutSeries, WhatIfKpis, WhatIfPlan } from '../scenario/whatif-request';
import { continueUntilTrip, runRollout, type RolloutRun } from './rollout';
import { validatePlan } from './schedule';

export interface WhatIfOptions {
  asset: AssetDefinition;
  from: PumpSkidSnapshot;
  horizonS: number;
  plan: WhatIfPlan;
  sampleIntervalS?: number;
  /** Members for the failure probability (1 = the run itself only). */
  ensemble?: number;
  /** Most points per series returned for display. */
  maxPoints?: number;
  /** Whether "do nothing" keeps the plan's fault injections (and only drops its control changes). */
  baselineKeepsFaults?: boolean;
  /** Keeps "do nothing" outcomes by fork and settings, so a slider move only reruns the plan. */
  baselineCache?: Map<string, { t: number[]; series: RolloutSeries }>;
  /** How far past the horizon to look for a trip while a fault grows, seconds (0 = do not look). */
  rulLookaheadS?: number;
}

export interface WhatIfComparison {
  /** Simulated time of the fork, ms since epoch. */
  forkTime: number;
  horizonS: number;
  /** Time of each returned point, ms since epoch. */
  t: number[];
  tagIds: string[];
  baseline: RolloutSeries;
  scenario: RolloutSeries;
  /** scenario − baseline for the numeric KPIs. */
  deltas: Partial<Record<keyof WhatIfKpis, number | null>>;
  /** Wall time the physics took, ms. */
  computeMs: number;
}

const LOOKAHEAD_S = 3 * 86_400;

/** Physics answer to a what-if: the plan and "do nothing" rolled out from the same fork, with KPIs. */
export function compareWhatIf(opts: WhatIfOptions): WhatIfComparison {
  const started = performance.now();
  validatePlan(opts.asset, opts.plan);
  const dt = opts.sampleIntervalS ?? 1;
  const n = Math.max(1, Math.round(opts.horizonS / dt));
  const keepEvery = Math.max(1, Math.ceil(n / (opts.maxPoints ?? 600)));
  // "Do nothing" keeps the plan's sensor faults as inert twins: they draw the same random numbers, so both
  // sides see the same ambient, demand and sensor noise and differ only by what the plan does.
  const baselinePlan: WhatIfPlan = {
    controls: [],
    faults:
      (opts.baselineKeepsFaults ?? false)
        ? opts.plan.faults
        : opts.plan.faults.filter((f) => isSensorFault(f.faultId)).map((f) => ({ ...f, inert: true })),
  };
  const side = (plan: WhatIfPlan) => evaluate(opts, plan, dt, keepEvery);
  // The whole fork state, not just its time: two forks at the same second can differ in setpoints or faults.
  const key = JSON.stringify([
    opts.from,
    opts.horizonS,
    dt,
    keepEvery,
    opts.ensemble,
    opts.rulLookaheadS,
    baselinePlan,
  ]);
  const baseline = opts.baselineCache?.get(key) ?? side(baselinePlan);
  if (opts.baselineCache) {
    opts.baselineCache.set(key, baseline);
    if (opts.baselineCache.size > 16)
      opts.baselineCache.delete(opts.baselineCache.keys().next().value as string);
  }
  const scenario = side(opts.plan);
  return {
    forkTime: opts.from.simTime,
    horizonS: n * dt,
    t: scenario.t,
    tagIds: opts.asset.tags.map((t) => t.id),
    baseline: baseline.series,
    scenario: scenario.series,
    deltas: kpiDeltas(baseline.series.kpis, scenario.series.kpis),
    computeMs: performance.now() - started,
  };
}

function evaluate(opts: WhatIfOptions, plan: WhatIfPlan, dt: number, keepEvery: number) {
  const main = runRollout({
    asset: opts.asset,
    from: opts.from,
    horizonS: opts.horizonS,
    plan,
    sampleIntervalS: dt,
    keepEvery,
  });
  const members = Math.max(1, Math.round(opts.ensemble ?? 8));
  let trips = main.kpis.firstTrip ? 1 : 0;
  for (let m = 1; m < members; m++) {
    const growth = growthFactor(m, members);
    const member = runRollout({
      asset: opts.asset,
      from: perturb(opts.from, m, growth),
      horizonS: opts.horizonS,
      plan: { ...plan, faults: plan.faults.map((f) => ({ ...f, growthPerHour: f.growthPerHour * growth })) },
      sampleIntervalS: dt,
      keepEvery: 0,
    });
    if (member.kpis.firstTrip) trips++;
  }
  return { t: main.t, series: toSeries(main, opts, trips / members, members) };
}

function toSeries(
  run: RolloutRun,
  opts: WhatIfOptions,
  failureProbability: number,
  ensembleSize: number,
): RolloutSeries {
  const horizon = run.t.length > 0 ? opts.horizonS : 0;
  const rul =
    run.kpis.firstTrip?.tS ??
    (run.faultGrowing && (opts.rulLookaheadS ?? LOOKAHEAD_S) > 0
      ? continueUntilTrip(run, opts.asset, horizon, opts.rulLookaheadS ?? LOOKAHEAD_S)
      : null);
  return {
    values: run.values.map((col) => Array.from(col, (v) => (Number.isFinite(v) ? v : null))),
    controls: run.controls,
    kpis: run.kpis.result({ failureProbability, ensembleSize, remainingUsefulLifeS: rul }),
  };
}

/** An ensemble member: the same plant state with its own noise stream and a different fault growth rate. */
function perturb(from: PumpSkidSnapshot, member: number, growth: number): PumpSkidSnapshot {
  return {
    ...from,
    rngState: (from.rngState ^ Math.imul(member, 0x9e3779b1)) >>> 0 || 1,
    faults: from.faults.map((f) => ({ ...f, growthPerHour: f.growthPerHour * growth })),
  };
}

/** Growth-rate factors spread log-normally (σ = 0.3) across the members, 1 in the middle. */
function growthFactor(member: number, members: number): number {
  const u = (member + 0.5) / members;
  return Math.exp(0.3 * probit(u));
}

/** Inverse standard normal CDF (Acklam's rational approximation, central region is enough here). */
function probit(p: number): number {
  const q = Math.min(0.975, Math.max(0.025, p)) - 0.5;
  const r = q * q;
  return (
    (q *
      (((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r + 138.357751867269) * r -
        30.66479806614716) *
        r +
        2.506628277459239)) /
    (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r + 66.80131188771972) * r -
      13.28068155056824) *
      r +
      1)
  );
}
