/** Remaining-useful-life labels for C-MAPSS training and test units. */
import type { CmapssUnit, CmapssUnitWithRul } from './unit';

/**
 * Piecewise-linear RUL labels for run-to-failure (training) units: min(cap, lastCycle − cycle),
 * constant at `cap` early in life, then falling linearly to 0 at the last cycle.
 */
export function addTrainingRul(units: readonly CmapssUnit[], cap = 125): CmapssUnitWithRul[] {
  return units.map((u) => {
    const last = u.cycles[u.cycles.length - 1] ?? 0;
    const rul = new Float32Array(u.cycles.length);
    for (let i = 0; i < rul.length; i++) rul[i] = Math.min(cap, last - u.cycles[i]!);
    return { ...u, rul };
  });
}

/**
 * RUL labels for truncated (test) units from the RUL file: the true RUL after unit i's last row is
 * `rulAtEnd[i]`, so at cycle c it is rulAtEnd[i] + lastCycle − c, capped at `cap`.
 */
export function addTestRul(
  units: readonly CmapssUnit[],
  rulAtEnd: ArrayLike<number>,
  cap = Number.POSITIVE_INFINITY,
): CmapssUnitWithRul[] {
  if (rulAtEnd.length !== units.length)
    throw new Error(`RUL file has ${rulAtEnd.length} values but the test file has ${units.length} units`);
  return units.map((u, i) => {
    const last = u.cycles[u.cycles.length - 1] ?? 0;
    const end = rulAtEnd[i]!;
    const rul = new Float32Array(u.cycles.length);
    for (let r = 0; r < rul.length; r++) rul[r] = Math.min(cap, end + last - u.cycles[r]!);
    return { ...u, rul };
  });
}
