/** C-MAPSS operating regimes: the distinct flight conditions given by the three settings. */
import type { CmapssUnit } from './unit';

/**
 * Key of the operating condition a row was flown at: altitude (setting 1) rounded to an integer,
 * Mach (setting 2) to 2 decimals, throttle angle (setting 3) to an integer. FD002/FD004 have six
 * such conditions (e.g. "42|0.84|100"); FD001/FD003 one ("0|0|100").
 */
export function operatingRegimeKey(s1: number, s2: number, s3: number): string {
  // `|| 0` turns -0 into 0, so -0.0003 and 0.0003 share a key.
  return `${Math.round(s1) || 0}|${Math.round(s2 * 100) / 100 || 0}|${Math.round(s3) || 0}`;
}

/** The operating regimes seen in training data, sorted by key; index = regime number. */
export interface OperatingRegimes {
  keys: string[];
}

/** Collects the distinct regime keys of the units (fit on training data, apply to test data). */
export function fitOperatingRegimes(units: readonly CmapssUnit[]): OperatingRegimes {
  const keys = new Set<string>();
  for (const u of units) {
    const [s1, s2, s3] = u.settings as [Float32Array, Float32Array, Float32Array];
    for (let r = 0; r < u.cycles.length; r++) keys.add(operatingRegimeKey(s1[r]!, s2[r]!, s3[r]!));
  }
  return { keys: [...keys].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) };
}

/**
 * Regime number of every row of a unit. Throws naming the unit, cycle and key of a row whose
 * condition is not in `regimes`.
 */
export function operatingRegime(unit: CmapssUnit, regimes: OperatingRegimes): Uint8Array {
  const index = new Map(regimes.keys.map((k, i) => [k, i]));
  const [s1, s2, s3] = unit.settings as [Float32Array, Float32Array, Float32Array];
  const out = new Uint8Array(unit.cycles.length);
  for (let r = 0; r < out.length; r++) {
    const key = operatingRegimeKey(s1[r]!, s2[r]!, s3[r]!);
    const i = index.get(key);
    if (i === undefined)
      throw new Error(
        `unit ${unit.unit} cycle ${unit.cycles[r]}: operating condition ${key} was not seen in training`,
      );
    out[r] = i;
  }
  return out;
}
