import { describe, expect, it } from 'vitest';
import { AlarmLatch, CausalScorer, rankContributions, trainNormalModel } from '../../../../core/ml/normal';
import { frameOf, normalRows, syntheticTags } from './synthetic';

const tags = syntheticTags(5);
const training = normalRows(400, tags.length, 21);
const { model } = trainNormalModel(frameOf(training, tags), tags);

describe('per-tag contributions', () => {
  it('rank the one disturbed tag first, with the sign of its departure', () => {
    const scorer = new CausalScorer(model);
    training.forEach((r) => scorer.push(r));
    const disturbed = normalRows(60, tags.length, 22).map((r) => r.map((v, j) => (j === 3 ? v - 2.5 : v)));
    const last = disturbed.map((r) => scorer.push(r)).at(-1)!;
    expect(rankContributions(model, last.contributions)[0]).toBe('t3');
    expect(last.contributions[3]).toBeLessThan(0);
    expect(last.score).toBe(Math.abs(last.contributions[3]!));
    expect(last.alarm).toBe(true);
  });

  it('leave a tag that never moved in training out of the score', () => {
    const flat = normalRows(400, tags.length, 23).map((r) => r.map((v, j) => (j === 1 ? 7 : v)));
    const trained = trainNormalModel(frameOf(flat, tags), tags);
    expect(trained.report.unscoredTags).toEqual(['t1']);
    const scorer = new CausalScorer(trained.model);
    const result = scorer.push(flat[0]!.map((v, j) => (j === 1 ? 900 : v)));
    expect(result.contributions[1]).toBe(0);
  });
});

describe('persistence and hysteresis', () => {
  const persistence = { raiseCount: 3, raiseWindow: 5, clearRatio: 0.5, clearRows: 1 };

  it('does not raise on one noisy row, raises on k of n, clears only below the lower level', () => {
    const latch = new AlarmLatch(persistence, 4);
    expect([9, 0, 0, 0, 0].map((s) => latch.update(s))).toEqual([false, false, false, false, false]);
    expect([5, 1, 5, 5].map((s) => latch.update(s))).toEqual([false, false, false, true]);
    expect(latch.update(3)).toBe(true); // under the threshold, above the clear level
    expect(latch.update(1.9)).toBe(false);
    expect(latch.update(5)).toBe(false); // history forgotten on clear: one row over is not three
    expect(latch.update(Number.NaN)).toBe(false);
  });

  it('clears only after clearRows rows in a row below the clear level; a row above or no data does not count', () => {
    const latch = new AlarmLatch({ ...persistence, clearRows: 3 }, 4);
    expect([5, 5, 5].map((s) => latch.update(s))).toEqual([false, false, true]);
    expect([1, 1, 3, 1, 1, Number.NaN].map((s) => latch.update(s))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(latch.update(1)).toBe(false);
  });
});
