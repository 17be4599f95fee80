/** Remaining-life estimates of a fleet, decoded from the RUL model's output columns. */

/** z of the 90 % quantile of a normal distribution: (q90 − q10) spans 2 × 1.2816 σ. */
const Z90 = 1.2815515655446004;

export interface RulEstimate {
  /** Point estimate, cycles. */
  mean: Float32Array;
  /** 10 % and 90 % quantiles, cycles. */
  q10: Float32Array;
  q90: Float32Array;
  /** Standard deviation implied by the 10–90 % band, cycles. */
  std: Float32Array;
}

/**
 * Decodes model outputs [n, 3] = (q10, mean, q90) of RUL / cap into cycles, clipped to [0, cap] — the model
 * learnt capped labels, so an output above the cap (early cycles, out of its data) means "at least the cap";
 * the quantiles are put in order around the mean so a crossed pair never gives a negative σ.
 */
export function decodeRulOutputs(out: ArrayLike<number>, n: number, rulCap: number): RulEstimate {
  if (out.length < n * 3)
    throw new Error(`RUL model returned ${out.length} values for ${n} engines (need ${n * 3})`);
  const mean = new Float32Array(n);
  const q10 = new Float32Array(n);
  const q90 = new Float32Array(n);
  const std = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const inCycles = (k: number) => Math.min(rulCap, Math.max(0, out[i * 3 + k]! * rulCap));
    const m = inCycles(1);
    const lo = Math.min(m, inCycles(0));
    const hi = Math.max(m, inCycles(2));
    mean[i] = m;
    q10[i] = lo;
    q90[i] = hi;
    std[i] = (hi - lo) / (2 * Z90);
  }
  return { mean, q10, q90, std };
}
