import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CausalScorer, trainNormalModel, type RowScore } from '../../../../core/ml/normal';
import { PROPERTY_TEST_TIMEOUT_MS, propertyOptions } from '../../property/property-runs';
import { frameOf, normalRows, syntheticTags } from './synthetic';

const tags = syntheticTags(4);
const { model } = trainNormalModel(frameOf(normalRows(400, tags.length, 3, [0, 0.6, 0.9, 0]), tags), tags, {
  windowRows: 10,
});

const scoreAll = (rows: readonly number[][]): RowScore[] => {
  const scorer = new CausalScorer(model);
  return rows.map((r) => scorer.push(r));
};

describe('causal scorer, property-based', () => {
  it(
    'changing a row never changes the score, contributions or alarm of an earlier row',
    () => {
      const value = fc.oneof(
        fc.double({ min: -50, max: 80, noNaN: true }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 5000),
      );
      const rows = fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 60 });
      fc.assert(
        fc.property(
          rows,
          fc.nat(),
          fc.array(value, { minLength: 4, maxLength: 4 }),
          (base, at, replacement) => {
            const k = at % base.length;
            const changed = base.map((r, i) => (i === k ? replacement : r));
            const a = scoreAll(base);
            const b = scoreAll(changed);
            for (let i = 0; i < k; i++) {
              expect(b[i]!.score).toBe(a[i]!.score);
              expect(b[i]!.alarm).toBe(a[i]!.alarm);
              expect([...b[i]!.contributions]).toEqual([...a[i]!.contributions]);
            }
          },
        ),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
