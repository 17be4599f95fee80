import { describe, expect, it } from 'vitest';
import { emptySplit, farDistance, splitByDistance } from '../../../core/fleet/level-of-detail';

/** Engines in a row along x, 10 m apart, on the floor. */
const row = (n: number) => Float32Array.from({ length: n * 3 }, (_, k) => (k % 3 === 0 ? (k / 3) * 10 : 0));

describe('fleet level of detail', () => {
  it('puts the distance where an engine spans the given pixels: twice the pixels, half the distance', () => {
    const d = farDistance(2.9, 38, 600, 48);
    expect(d).toBeGreaterThan(40);
    expect(d).toBeLessThan(60);
    expect(farDistance(2.9, 38, 600, 96)).toBeCloseTo(d / 2, 6);
    expect(farDistance(2.9, 38, 1200, 48)).toBeCloseTo(d * 2, 6);
  });

  it('draws the engines near the camera with the full mesh and the rest coarse, each once, in display order', () => {
    const split = emptySplit(6);
    splitByDistance(row(6), 6, [0, 5, 0], 26, split);
    expect([...split.near.subarray(0, split.nearCount)]).toEqual([0, 1, 2]);
    expect([...split.far.subarray(0, split.farCount)]).toEqual([3, 4, 5]);
    expect([...split.isNear]).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('says when an engine changes side as the camera moves, and not when nothing does', () => {
    const positions = row(6);
    const split = emptySplit(6);
    expect(splitByDistance(positions, 6, [0, 5, 0], 26, split)).toBe(true);
    expect(splitByDistance(positions, 6, [1, 5, 0], 26, split)).toBe(false);
    expect(splitByDistance(positions, 6, [50, 5, 0], 26, split)).toBe(true);
    expect([...split.near.subarray(0, split.nearCount)]).toEqual([3, 4, 5]);
    // A filter that shows fewer engines is a change even where no engine crossed.
    expect(splitByDistance(positions, 4, [50, 5, 0], 26, split)).toBe(true);
    expect(split.nearCount + split.farCount).toBe(4);
  });
});
