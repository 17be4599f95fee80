import { describe, expect, it } from 'vitest';
import { soakVerdict, type HourFigures } from '../../scripts/soak/soak-report';

function hours(count: number, at: (hour: number) => Partial<HourFigures>): HourFigures[] {
  return Array.from({ length: count }, (_, i) => ({
    hour: i + 1,
    wallS: (i + 1) * 3.6,
    heapUsedMb: 100,
    rssMb: 480,
    tensors: 20,
    storeBytes: (i + 1) * 550_000,
    samplesStored: (i + 1) * 3600,
    predictions: (i + 1) * 60,
    droppedPredictions: 0,
    ...at(i + 1),
  }));
}

describe('soak verdict (npm run soak)', () => {
  it('calls a day with a steady heap and tensor count flat, whatever the store holds', () => {
    const verdict = soakVerdict(
      hours(24, (h) => ({ heapUsedMb: 100 + (h % 3) })),
      6,
    );
    expect(verdict.flat).toBe(true);
    expect(verdict.lines.at(-1)).toBe('verdict: FLAT');
  });

  it('calls a leak of one tensor per hour growing', () => {
    const verdict = soakVerdict(
      hours(24, (h) => ({ tensors: 20 + h })),
      6,
    );
    expect(verdict.flat).toBe(false);
    expect(verdict.lines.join('\n')).toMatch(/tfjs tensors \(first 6 h vs last 6 h\): 26 → 44: GROWING/);
  });

  it('calls a heap that climbs 2 MB an hour growing', () => {
    const verdict = soakVerdict(
      hours(24, (h) => ({ heapUsedMb: 100 + 2 * h })),
      6,
    );
    expect(verdict.flat).toBe(false);
    expect(verdict.lines[0]).toMatch(/heap .*\+36\.0 MB\): GROWING/);
  });

  it('refuses to judge a single hour', () => {
    expect(
      soakVerdict(
        hours(1, () => ({})),
        6,
      ),
    ).toEqual({
      flat: false,
      lines: ['too few hours to judge (run at least 2)'],
    });
  });
});
