import { describe, expect, it } from 'vitest';
import {
  flaggedGapRatios,
  type SurrogateGap,
} from '../../renderer/src/features/whatif/surrogate/surrogate-compare';

describe('surrogate trust from its gap to the physics', () => {
  it('names a gap of 8.5× the test error even when every input lies within the training data', () => {
    const rows: SurrogateGap[] = [
      { tagId: 'flow', gap: 17, cardMae: 2, flagged: true },
      { tagId: 'discharge_pressure', gap: 0.05, cardMae: 0.04, flagged: false },
      { tagId: 'motor_power', gap: 6, cardMae: 2, flagged: true },
    ];
    expect(flaggedGapRatios(rows)).toEqual([
      { tagId: 'flow', ratio: 8.5 },
      { tagId: 'motor_power', ratio: 3 },
    ]);
  });

  it('has nothing to say when the gaps are within the test error', () => {
    expect(flaggedGapRatios([{ tagId: 'flow', gap: 1, cardMae: 2, flagged: false }])).toEqual([]);
  });
});
