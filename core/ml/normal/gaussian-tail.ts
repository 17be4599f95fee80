/**
 * Gaussian equivalent of a Student-t deviate with `dof` degrees of freedom (Wallace 1959): the z with
 * the same upper-tail probability, z ≈ (8ν + 1)/(8ν + 3) · √(ν·ln(1 + t²/ν)). Closed form, monotone in
 * t, never underflows, within ~0.1 of the exact value for t ≤ 16 and ν ≥ 1 (slightly low in the far tail
 * of very small ν), and → |t| as ν → ∞. Returns ≥ 0 (the sign of t is dropped).
 */
export function gaussianEquivalent(t: number, dof: number): number {
  if (!Number.isFinite(dof)) return Math.abs(t);
  return ((8 * dof + 1) / (8 * dof + 3)) * Math.sqrt(dof * Math.log1p((t * t) / dof));
}

/** Upper-tail probability of the standard normal, P(Z > z), to ~1e-7 relative (Numerical Recipes' erfc). */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** The z with P(Z > z) = p, for 0 < p < 1, by bisection on normalUpperTail (to 1e-9 in z). */
export function normalUpperQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normalUpperQuantile: p must be in (0, 1), got ${p}`);
  let lo = -40;
  let hi = 40;
  while (hi - lo > 1e-9) {
    const mid = (lo + hi) / 2;
    if (normalUpperTail(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
