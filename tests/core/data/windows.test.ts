import { describe, expect, it } from 'vitest';
import { fitNormalization } from '../../../core/data/normalization';
import { Quality } from '../../../core/data/quality';
import { makeWindows, windowCount } from '../../../core/data/windows';
import { frameOf } from './helpers';

describe('makeWindows', () => {
  // a = 0..9, b = 100..109, u (control) = 1000..1009
  const frame = () =>
    frameOf({
      a: Array.from({ length: 10 }, (_, i) => i),
      b: Array.from({ length: 10 }, (_, i) => 100 + i),
      u: Array.from({ length: 10 }, (_, i) => 1000 + i),
    });

  it('has the documented shapes and row-major [N, S, F] layout', () => {
    const w = makeWindows(frame(), {
      pastLength: 3,
      horizon: 2,
      stride: 2,
      inputTags: ['a', 'b'],
      controlTags: ['u'],
    });
    // starts 0, 2, 4 (4 + 3 + 2 = 9 ≤ 10); 6 + 5 = 11 > 10
    expect(w.count).toBe(3);
    expect(windowCount(10, 3, 2, 2)).toBe(3);
    expect([...w.starts]).toEqual([0, 2, 4]);
    expect(w.past.length).toBe(3 * 3 * 2);
    expect(w.pastMask.length).toBe(3 * 3 * 2);
    expect(w.futureControls.length).toBe(3 * 2 * 1);
    expect(w.targets.length).toBe(3 * 2 * 2);
    // window 1 (start 2): past rows 2,3,4; element (n, s, f) at (n·L + s)·F + f
    expect([...w.past.subarray(6, 12)]).toEqual([2, 102, 3, 103, 4, 104]);
    expect(w.past[(1 * 3 + 2) * 2 + 1]).toBe(104);
    // horizon rows 5, 6
    expect([...w.targets.subarray(4, 8)]).toEqual([5, 105, 6, 106]);
    expect([...w.futureControls.subarray(2, 4)]).toEqual([1005, 1006]);
    expect([...w.pastMask].every((m) => m === 1)).toBe(true);
  });

  it('zero-fills bad values after normalization and masks them', () => {
    const f = frame();
    f.quality[0]![1] = Quality.missing;
    f.values[0]![1] = Number.NaN;
    f.quality[1]![2] = Quality.spike;
    f.quality[0]![3] = Quality.interpolated; // counts as good
    f.quality[0]![4] = Quality.stuck;
    const stats = fitNormalization([f]);
    const w = makeWindows(f, {
      pastLength: 4,
      horizon: 1,
      inputTags: ['a', 'b'],
      targetTags: ['a'],
      normalization: stats,
    });
    expect(w.count).toBe(6);
    const meanA = stats.mean[0]!;
    const sdA = stats.std[0]!;
    // window 0: rows 0..3
    expect(w.past[0]).toBeCloseTo((0 - meanA) / sdA, 5);
    expect(w.past[2]).toBe(0); // a[1] missing
    expect(w.pastMask[2]).toBe(0);
    expect(w.past[5]).toBe(0); // b[2] spike
    expect(w.pastMask[5]).toBe(0);
    expect(w.pastMask[6]).toBe(1); // a[3] interpolated
    expect(w.past[6]).toBeCloseTo((3 - meanA) / sdA, 5);
    // target of window 0 is a[4], stuck
    expect(w.targets[0]).toBe(0);
    expect(w.targetMask[0]).toBe(0);
    expect(w.targetMask[1]).toBe(1);
    expect(w.targets[1]).toBeCloseTo((5 - meanA) / sdA, 5);
  });

  it('never crosses frames and skips frames that are too short', () => {
    const short = frameOf({ a: [1, 2], b: [1, 2], u: [1, 2] });
    const w = makeWindows([frame(), short, frame()], {
      pastLength: 5,
      horizon: 0,
      stride: 3,
      inputTags: ['a'],
    });
    expect(w.count).toBe(4); // starts 0, 3 in each long frame
    expect([...w.frameIndex]).toEqual([0, 0, 2, 2]);
    expect([...w.starts]).toEqual([0, 3, 0, 3]);
    expect(w.targets.length).toBe(0);
    expect([...w.past.subarray(15, 20)]).toEqual([3, 4, 5, 6, 7]);
    expect(() => makeWindows(frame(), { pastLength: 2, horizon: 1, inputTags: ['zz'] })).toThrow(
      /no column "zz"/,
    );
    expect(() => makeWindows(frame(), { pastLength: 0, horizon: 1, inputTags: ['a'] })).toThrow(/pastLength/);
  });
});
