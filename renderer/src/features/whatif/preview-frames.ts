import type { WhatIfRunResult } from '../../../../core/api/domains/whatif';
import { valueAt } from './surrogate/surrogate-compare';
import { planKey, type SurrogateRollout } from './surrogate/surrogate-rollout';
import { currentPlan } from './current-plan';
import { frameAt } from '../../scene/paint/whatif-delta';
import { whatIfStore, type PreviewSource } from './whatif-store';

/** "Do nothing" and the plan at the 3D preview time, in asset tag order. */
export interface PreviewFrames {
  result: WhatIfRunResult;
  index: number;
  /** Minutes after the fork. */
  minutes: number;
  baseline: Float32Array;
  scenario: Float32Array;
  /** Which answer the frames come from. */
  source: PreviewSource;
  /** Surrogate only: the preview lies past its horizon, so its last step is shown. */
  pastSurrogateHorizon: boolean;
}

let cached: PreviewFrames | null = null;
let cachedSurrogate: SurrogateRollout | null = null;

/**
 * The surrogate's answer to show, or null: one for the plan as the panel now stands (a tuning slider just
 * moved: it lands long before the physics re-run, and is drawn at once on the shown result's time grid), or
 * for the plan the physics result answered.
 */
export function matchingSurrogate(): SurrogateRollout | null {
  const { surrogate, resultKey, fork, horizonS } = whatIfStore.getState();
  if (!surrogate) return null;
  if (surrogate.key === resultKey) return surrogate;
  return fork && surrogate.key === planKey(fork.forkId, currentPlan(), horizonS) ? surrogate : null;
}

/** One side of the surrogate answer at time `at` (ms), held at its last step past its horizon. */
function surrogateFrame(
  s: SurrogateRollout,
  side: 'values' | 'baseline',
  at: number,
  out: Float32Array,
): Float32Array {
  const clamped = Math.min(at, s.t.at(-1) ?? at);
  for (let i = 0; i < out.length; i++) {
    const series = s[side][i];
    // Before the first model step (+1 min) the fork's own state is not in the answer: take the first step.
    out[i] = (series && valueAt(s.t, series, Math.max(clamped, s.t[0] ?? clamped))) ?? Number.NaN;
  }
  return out;
}

/**
 * Both sides of the what-if at the preview index, or null when nothing is previewed: from the physics, or
 * from the surrogate when the user chose it and it answered the same plan. Rebuilt only when an input
 * changes, so the render loop can call it every frame without allocating.
 */
export function previewFrames(): PreviewFrames | null {
  const { result, previewIndex, previewSource } = whatIfStore.getState();
  if (!result || previewIndex === null) return null;
  const surrogate = previewSource === 'surrogate' ? matchingSurrogate() : null;
  if (
    cached?.result === result &&
    cached.index === previewIndex &&
    cachedSurrogate === surrogate &&
    cached.source === (surrogate ? 'surrogate' : 'physics')
  )
    return cached;
  const tags = result.tagIds.length;
  const at = result.t[previewIndex] ?? result.forkTime;
  cachedSurrogate = surrogate;
  cached = {
    result,
    index: previewIndex,
    minutes: (at - result.forkTime) / 60_000,
    baseline: surrogate
      ? surrogateFrame(surrogate, 'baseline', at, new Float32Array(tags))
      : frameAt(result.baseline, previewIndex, new Float32Array(tags)),
    scenario: surrogate
      ? surrogateFrame(surrogate, 'values', at, new Float32Array(tags))
      : frameAt(result.scenario, previewIndex, new Float32Array(tags)),
    source: surrogate ? 'surrogate' : 'physics',
    pastSurrogateHorizon: surrogate !== null && at > (surrogate.t.at(-1) ?? at),
  };
  return cached;
}
