import type { AssetDefinition } from '../asset/schema';
import { Rng } from '../random/rng';
import type { PumpSkidSnapshot } from '../sim';
import type { FaultInjection } from '../scenario/whatif-request';
import { Objective, type ObjectiveSpec } from './objective';
import { runRollout } from './rollout';

export interface SuggestOptions extends ObjectiveSpec {
  asset: AssetDefinition;
  from: PumpSkidSnapshot;
  horizonS: number;
  /** Controls the optimiser may move (default: all of the asset's). */
  controlIds?: readonly string[];
  /** Faults that start during the horizon, as in the what-if. */
  faults?: readonly FaultInjection[];
  iterations?: number;
  population?: number;
  /** Seconds between samples while searching (verification always runs at 1 s). */
  searchIntervalS?: number;
  seed?: number;
}

export interface SetpointSuggestion {
  current: Record<string, number>;
  suggested: Record<string, number>;
  /** J of the current setpoints and of the suggestion on the search's coarse rollout. */
  searchJ: { current: number; suggested: number };
  /** The same two on the full-rate (1 s) physics run: the verification. */
  verifiedJ: { current: number; suggested: number };
  /** False when the search found nothing better on the verification run; suggested is then the current. */
  improved: boolean;
  /** verifiedJ.current − verifiedJ.suggested; positive is better. */
  predictedGain: number;
  /** |searchJ.suggested − verifiedJ.suggested|: how far the search's estimate was off. */
  verificationGap: number;
  /**
   * What the 1 s physics predicts at the horizon for the targeted tags and the motor power, with the current
   * setpoints and with the suggestion: the numbers to compare with the targets before applying anything.
   */
  predicted: { tagIds: string[]; current: Record<string, number>; suggested: Record<string, number> };
  rollouts: number;
  computeMs: number;
}

/**
 * Cross-entropy search over constant setpoints (applied at the fork, through the plant's rate limits):
 * sample a population from a Gaussian, keep the elite, refit, repeat. Candidates are clipped to each
 * control's limits, so no suggestion is ever outside them; the current setpoints compete too, so the
 * suggestion is never worse than them on the search's rollouts.
 */
export function suggestSetpoints(opts: SuggestOptions): SetpointSuggestion {
  const started = performance.now();
  const { asset } = opts;
  const ids = opts.controlIds ?? asset.controls.map((c) => c.id);
  const defs = ids.map((id, k) => {
    const d = asset.controls.find((c) => c.id === id);
    if (!d) throw new Error(`controlIds[${k}]: unknown control "${id}"`);
    return d;
  });
  const objective = new Objective(asset, opts);
  const faults = [...(opts.faults ?? [])];
  const current = Object.fromEntries(defs.map((d) => [d.id, opts.from.controls[d.id] ?? d.default]));
  let rollouts = 0;

  const reported = predictedTagIds(asset, opts.targets ?? []);
  const reportedIndex = reported.map((id) => asset.tags.findIndex((t) => t.id === id));
  let lastRow: Float32Array | null = null;
  const evaluate = (x: readonly number[], dt: number): number => {
    objective.reset();
    runRollout({
      asset,
      from: opts.from,
      horizonS: opts.horizonS,
      sampleIntervalS: dt,
      keepEvery: 0,
      plan: {
        controls: defs.map((d, k) => ({
          controlId: d.id,
          atS: 0,
          to: x[k] ?? d.default,
          shape: 'step',
          rampS: 1,
        })),
        faults,
      },
      onSample: (_t, v) => {
        objective.add(dt, v);
        lastRow = v;
      },
    });
    rollouts++;
    return objective.value();
  };

  const dt = opts.searchIntervalS ?? 5;
  const rng = new Rng(opts.seed ?? 1);
  const x0 = defs.map((d) => current[d.id] ?? d.default);
  let best = { x: x0, j: evaluate(x0, dt) };
  const jCurrentSearch = best.j;
  let mean = [...x0];
  let sd = defs.map((d) => (d.max - d.min) / 4);
  const population = opts.population ?? 20;
  const eliteCount = Math.max(2, Math.round(population / 5));
  for (let it = 0; it < (opts.iterations ?? 6); it++) {
    const scored = Array.from({ length: population }, () => {
      const x = defs.map((d, k) => clamp((mean[k] ?? 0) + (sd[k] ?? 0) * rng.normal(), d.min, d.max));
      return { x, j: evaluate(x, dt) };
    }).sort((a, b) => a.j - b.j);
    const elite = scored.slice(0, eliteCount);
    if ((elite[0]?.j ?? Infinity) < best.j && elite[0]) best = elite[0];
    mean = defs.map((_, k) => elite.reduce((s, e) => s + (e.x[k] ?? 0), 0) / elite.length);
    sd = defs.map((d, k) => {
      const m = mean[k] ?? 0;
      const v = elite.reduce((s, e) => s + ((e.x[k] ?? 0) - m) ** 2, 0) / elite.length;
      return Math.max(Math.sqrt(v), (d.max - d.min) / 200);
    });
  }
  const suggestedX = best.x.map((v, k) =>
    roundToStep(v, defs[k]?.step ?? 0, defs[k]?.min ?? v, defs[k]?.max ?? v),
  );
  const searchSuggested = evaluate(suggestedX, dt);
  const atHorizon = (): Record<string, number> =>
    Object.fromEntries(reported.map((id, k) => [id, lastRow?.[reportedIndex[k] ?? -1] ?? Number.NaN]));
  const verifiedCurrent = evaluate(x0, 1);
  const predictedCurrent = atHorizon();
  let verifiedSuggested = evaluate(suggestedX, 1);
  let predictedSuggested = atHorizon();
  const improved = verifiedSuggested < verifiedCurrent;
  if (!improved) {
    verifiedSuggested = verifiedCurrent;
    predictedSuggested = predictedCurrent;
  }
  const chosen = improved ? suggestedX : x0;
  const suggested = Object.fromEntries(defs.map((d, k) => [d.id, chosen[k] ?? d.default]));
  return {
    current,
    suggested,
    improved,
    searchJ: { current: jCurrentSearch, suggested: searchSuggested },
    verifiedJ: { current: verifiedCurrent, suggested: verifiedSuggested },
    predictedGain: verifiedCurrent - verifiedSuggested,
    verificationGap: Math.abs(searchSuggested - verifiedSuggested),
    predicted: { tagIds: reported, current: predictedCurrent, suggested: predictedSuggested },
    rollouts,
    computeMs: performance.now() - started,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Decimal places of a step such as 0.1 or 0.05 (so 3.4000000000000004 is written 3.4). */
const stepDecimals = (step: number): number => {
  const text = String(step);
  const e = /e-(\d+)$/.exec(text);
  if (e) return Number(e[1]);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
};

/** Rounds to the control's slider step so the suggestion is a value an operator can type, within limits. */
export function roundToStep(v: number, step: number, lo: number, hi: number): number {
  if (!(step > 0)) return clamp(v, lo, hi);
  const decimals = Math.max(stepDecimals(step), stepDecimals(lo));
  return clamp(Number((Math.round((v - lo) / step) * step + lo).toFixed(decimals)), lo, hi);
}

/** The targeted tags, then the motor power when the asset has it (what the suggestion costs). */
function predictedTagIds(asset: AssetDefinition, targets: readonly { tagId: string }[]): string[] {
  const ids = targets.map((t) => t.tagId).filter((id) => asset.tags.some((t) => t.id === id));
  if (asset.tags.some((t) => t.id === 'motor_power') && !ids.includes('motor_power')) ids.push('motor_power');
  return ids;
}
