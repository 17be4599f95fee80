import { describe, expect, it } from 'vitest';
import { mulberry32, Rng } from '../../../core/random/rng';

// First draws of mulberry32 as the trained models and recorded simulator snapshots were made with.
const GOLDEN: [number, number[]][] = [
  [1, [0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741]],
  [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693]],
  [0xffffffff, [0.8964226141106337, 0.189478256739676, 0.7156526781618595, 0.9440599093213677]],
];

describe('the seeded PRNG', () => {
  it('draws the mulberry32 sequence, as a class and as a function', () => {
    for (const [seed, draws] of GOLDEN) {
      const rng = new Rng(seed);
      const rand = mulberry32(seed);
      expect(draws.map(() => rng.next())).toEqual(draws);
      expect(draws.map(() => rand())).toEqual(draws);
    }
  });

  it('continues exactly from its state, a single 32-bit integer', () => {
    const rng = new Rng(42);
    rng.next();
    const copy = new Rng(0);
    expect(Number.isInteger(rng.state) && Math.abs(rng.state) < 2 ** 32).toBe(true);
    copy.state = Number(JSON.stringify(rng.state));
    expect([copy.next(), copy.next()]).toEqual([rng.next(), rng.next()]);
  });
});
