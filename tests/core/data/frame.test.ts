import { describe, expect, it } from 'vitest';
import { concatFrames, createFrame, sliceFrame } from '../../../core/data/frame';
import { Quality } from '../../../core/data/quality';

function ramp(tagIds: string[], n: number, t0 = 0) {
  const f = createFrame(tagIds, n);
  for (let r = 0; r < n; r++) {
    f.t[r] = t0 + r;
    f.values.forEach((c, i) => (c[r] = (i + 1) * 100 + t0 + r));
    f.quality.forEach((q) => (q[r] = Quality.good));
  }
  return f;
}

describe('SampleFrame', () => {
  it('createFrame gives NaN values flagged missing', () => {
    const f = createFrame(['a', 'b'], 3);
    expect(f.t).toEqual(new Float64Array(3));
    expect(f.values).toHaveLength(2);
    expect(Number.isNaN(f.values[1]![2]!)).toBe(true);
    expect([...f.quality[0]!]).toEqual([Quality.missing, Quality.missing, Quality.missing]);
    expect(() => createFrame(['a', 'a'], 1)).toThrow(/duplicate tag id "a"/);
    expect(() => createFrame(['a'], -1)).toThrow(/non-negative/);
  });

  it('sliceFrame copies a row range', () => {
    const f = ramp(['a', 'b'], 5);
    const s = sliceFrame(f, 1, 3);
    expect([...s.t]).toEqual([1, 2]);
    expect([...s.values[1]!]).toEqual([201, 202]);
    s.values[0]![0] = -1;
    expect(f.values[0]![1]).toBe(101);
    expect([...sliceFrame(f, -2).t]).toEqual([3, 4]);
  });

  it('concatFrames joins frames with the same tags and rejects others', () => {
    const a = ramp(['a', 'b'], 2, 0);
    const b = ramp(['a', 'b'], 3, 10);
    const c = concatFrames([a, b]);
    expect([...c.t]).toEqual([0, 1, 10, 11, 12]);
    expect([...c.values[0]!]).toEqual([100, 101, 110, 111, 112]);
    expect(c.quality[1]!.length).toBe(5);
    expect(() => concatFrames([a, ramp(['b', 'a'], 1)])).toThrow(/frame 1 has tags \[b, a\]/);
    expect(() => concatFrames([])).toThrow(/at least one/);
  });
});
