import { describe, expect, it } from 'vitest';
import { fitPlatt } from '../../../../core/ml/pump/health-metrics';
import { fitRulSigmaOffset, ONE_SIGMA_COVERAGE, rulCoverage } from '../../../../core/ml/pump/rul-calibration';
import { mulberry32 } from '../../../../core/random/rng';

describe('health-model calibration fits', () => {
  it('keeps Platt scaling finite on a component whose logits already separate the classes', () => {
    const z = [
      ...Array.from({ length: 500 }, (_, i) => -8 - i / 100),
      ...Array.from({ length: 50 }, (_, i) => 6 + i / 10),
    ];
    const y = [...new Array<number>(500).fill(0), ...new Array<number>(50).fill(1)];
    const { a, b } = fitPlatt(z, y);
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    expect(a).toBeLessThan(5);
    // Still a confident, well-ordered score: positives near 1, negatives near 0.
    expect(1 / (1 + Math.exp(-(a * 6 + b)))).toBeGreaterThan(0.9);
    expect(1 / (1 + Math.exp(-(a * -8 + b)))).toBeLessThan(0.01);
  });

  it('widens an over-confident RUL spread until ±1σ holds about 68 % of the windows', () => {
    const rand = mulberry32(5);
    const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const n = 4000;
    const rul = new Float32Array(2 * n);
    const logRul = new Float32Array(n);
    const cls = new Int32Array(n).fill(2);
    for (let i = 0; i < n; i++) {
      rul[2 * i] = 2;
      rul[2 * i + 1] = Math.log(0.25); // the model says σ = 0.25, the truth scatters with σ = 0.5
      logRul[i] = 2 + 0.5 * normal();
    }
    expect(rulCoverage(rul, logRul, cls, n)).toBeLessThan(0.45);
    const fit = fitRulSigmaOffset(rul, logRul, cls, n);
    expect(fit.offset).toBeCloseTo(Math.log(2), 1);
    expect(Math.abs(fit.coverageAfter - ONE_SIGMA_COVERAGE)).toBeLessThan(0.03);
  });
});
