import type { WhatIfRunResult } from '../../../core/api/domains/whatif';
import { frameAt } from './whatif-delta';
import { whatIfStore } from './whatif-store';

/** "Do nothing" and the plan at the 3D preview time, in asset tag order. */
export interface PreviewFrames {
  result: WhatIfRunResult;
  index: number;
  /** Minutes after the fork. */
  minutes: number;
  baseline: Float32Array;
  scenario: Float32Array;
}

let cached: PreviewFrames | null = null;

/**
 * Both sides of the what-if at the preview index, or null when nothing is previewed. Rebuilt only when the
 * result or the index changes, so the render loop can call it every frame without allocating.
 */
export function previewFrames(): PreviewFrames | null {
  const { result, previewIndex } = whatIfStore.getState();
  if (!result || previewIndex === null) return null;
  if (cached?.result === result && cached.index === previewIndex) return cached;
  const tags = result.tagIds.length;
  cached = {
    result,
    index: previewIndex,
    minutes: ((result.t[previewIndex] ?? result.forkTime) - result.forkTime) / 60_000,
    baseline: frameAt(result.baseline, previewIndex, new Float32Array(tags)),
    scenario: frameAt(result.scenario, previewIndex, new Float32Array(tags)),
  };
  return cached;
}
