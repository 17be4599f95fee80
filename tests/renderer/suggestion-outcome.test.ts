import { describe, expect, it } from 'vitest';
import type { SetpointSuggestion } from '../../core/whatif/optimiser';
import { unreachableTargets } from '../../renderer/src/features/whatif/panel/suggestion-outcome';
import { pumpSkid } from '../core/whatif/helpers';

const suggestion = (predicted: Record<string, number>): SetpointSuggestion => ({
  current: {},
  suggested: {},
  searchJ: { current: 1, suggested: 0.5 },
  verifiedJ: { current: 1, suggested: 0.5 },
  improved: true,
  predictedGain: 0.5,
  verificationGap: 0,
  predicted: { tagIds: Object.keys(predicted), current: predicted, suggested: predicted },
  rollouts: 10,
  computeMs: 5,
});

describe('suggest setpoints: targets the physics cannot reach', () => {
  it('says so with the best value, as the user asked 250 m3/h and 4.5 bar and got 204 and 2.96', () => {
    const misses = unreachableTargets(pumpSkid(), suggestion({ flow: 204, discharge_pressure: 2.96 }), {
      flow: 250,
      discharge_pressure: 4.5,
    });
    expect(misses).toHaveLength(2);
    expect(misses[0]).toMatch(/^Discharge flow 204(\.0)? m3\/h \(target 250 m3\/h\)$/);
  });

  it('stays quiet when the prediction meets the target', () => {
    expect(unreachableTargets(pumpSkid(), suggestion({ flow: 249.5 }), { flow: 250 })).toEqual([]);
  });
});
