/**
 * The 3D preview shows the physics rollout or, when chosen, the surrogate's answer to the same plan — plan
 * and "do nothing" both from the surrogate — and falls back to the physics when the surrogate answered
 * another plan.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { WhatIfFork, WhatIfRunResult } from '../../core/api/domains/whatif';
import { currentPlan } from '../../renderer/src/features/whatif/current-plan';
import { previewFrames } from '../../renderer/src/features/whatif/preview-frames';
import {
  planKey,
  type SurrogateRollout,
} from '../../renderer/src/features/whatif/surrogate/surrogate-rollout';
import { whatIfStore } from '../../renderer/src/features/whatif/whatif-store';

const t0 = 1_000_000;
const minute = 60_000;
// Physics every 5 min for 30 min, one tag: do nothing at 100, the plan at 120.
const result = {
  forkId: 'f',
  forkTime: t0,
  horizonS: 1800,
  t: Array.from({ length: 7 }, (_, i) => t0 + i * 5 * minute),
  tagIds: ['flow'],
  baseline: { values: [Array.from({ length: 7 }, () => 100)] },
  scenario: { values: [Array.from({ length: 7 }, () => 120)] },
} as unknown as WhatIfRunResult;
// Surrogate each minute for 20 min: do nothing at 101, the plan rising from 111 by 1 per minute.
const surrogate = (key: string): SurrogateRollout => ({
  key,
  forkId: 'f',
  forkTime: t0,
  t: Array.from({ length: 20 }, (_, h) => t0 + (h + 1) * minute),
  values: [Array.from({ length: 20 }, (_, h) => 111 + h)],
  baseline: [Array.from({ length: 20 }, () => 101)],
  outsideTraining: [],
  minutes: 20,
  requestedMinutes: 30,
  computeMs: 3,
  pastSource: 'live buffer',
});

describe('3D preview source', () => {
  beforeEach(() =>
    whatIfStore.setState({
      result,
      resultKey: 'plan-a',
      surrogate: surrogate('plan-a'),
      previewIndex: 2,
      previewSource: 'physics',
      fork: null,
      tuning: {},
    }),
  );

  it('shows the physics by default', () => {
    const f = previewFrames()!;
    expect(f.source).toBe('physics');
    expect([f.baseline[0], f.scenario[0], f.minutes]).toEqual([100, 120, 10]);
  });

  it('shows both sides from the surrogate when chosen, at the same future time', () => {
    whatIfStore.setState({ previewSource: 'surrogate' });
    const f = previewFrames()!;
    expect(f.source).toBe('surrogate');
    // +10 min is the surrogate's 10th step: 111 + 9.
    expect([f.baseline[0], f.scenario[0]]).toEqual([101, 120]);
    expect(f.pastSurrogateHorizon).toBe(false);
  });

  it('holds the surrogate at its last step past its horizon, and says so', () => {
    whatIfStore.setState({ previewSource: 'surrogate', previewIndex: 6 });
    const f = previewFrames()!;
    expect(f.scenario[0]).toBe(130);
    expect(f.pastSurrogateHorizon).toBe(true);
  });

  it('falls back to the physics when the surrogate answered another plan', () => {
    whatIfStore.setState({ previewSource: 'surrogate', surrogate: surrogate('plan-b') });
    const f = previewFrames()!;
    expect(f.source).toBe('physics');
    expect(f.scenario[0]).toBe(120);
  });

  it('shows the surrogate’s answer to a slider just moved at once, before the physics re-run lands', () => {
    const fork = { forkId: 'f' } as WhatIfFork;
    whatIfStore.setState({ fork, previewSource: 'surrogate', tuning: { speed_setpoint: 45 } });
    const moved = planKey('f', currentPlan(), whatIfStore.getState().horizonS);
    whatIfStore.setState({ surrogate: surrogate(moved) });
    expect(previewFrames()!.source).toBe('surrogate');
    // The slider moves on: that answer is for another plan now, and the physics is shown until the next lands.
    whatIfStore.setState({ tuning: { speed_setpoint: 46 } });
    expect(previewFrames()!.source).toBe('physics');
  });
});
