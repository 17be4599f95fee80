/** Per-regime, per-sensor z-score normalization of C-MAPSS sensors: schema, fit and apply. */
import { z } from 'zod';
import { CMAPSS_INFORMATIVE_SENSORS } from './sensors';
import { operatingRegime, type OperatingRegimes } from './regimes';
import type { CmapssUnit } from './unit';

export const REGIME_NORMALIZATION_SCHEMA_VERSION = 1;

/** Per-regime, per-sensor z-score statistics; mean[regime][k] is for sensor `sensors[k]`. */
export const regimeNormalizationSchema = z
  .object({
    schemaVersion: z.literal(REGIME_NORMALIZATION_SCHEMA_VERSION),
    regimes: z.array(z.string()).min(1),
    /** 1-based sensor numbers. */
    sensors: z.array(z.number().int().min(1).max(21)).min(1),
    mean: z.array(z.array(z.number().finite())),
    std: z.array(z.array(z.number().finite().positive())),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const key of ['mean', 'std'] as const) {
      if (s[key].length !== s.regimes.length)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `needs one row per regime (${s.regimes.length})`,
        });
      s[key].forEach((row, i) => {
        if (row.length !== s.sensors.length)
          ctx.addIssue({
            code: 'custom',
            path: [key, i],
            message: `needs one entry per sensor (${s.sensors.length})`,
          });
      });
    }
  });

export type RegimeNormalization = z.infer<typeof regimeNormalizationSchema>;

/**
 * Mean and std of each sensor within each operating regime, over the given (training) units.
 * Std is floored at `minStd` (constant sensors); a regime with no row gets mean 0, std 1.
 */
export function fitRegimeNormalization(
  units: readonly CmapssUnit[],
  regimes: OperatingRegimes,
  sensors: readonly number[] = CMAPSS_INFORMATIVE_SENSORS,
  minStd = 1e-6,
): RegimeNormalization {
  const R = regimes.keys.length;
  const S = sensors.length;
  const n = new Float64Array(R);
  const sum = new Float64Array(R * S);
  const sq = new Float64Array(R * S);
  // Two passes (mean, then squared deviations) for accuracy on large offsets like 2388.
  for (const u of units) {
    const reg = operatingRegime(u, regimes);
    for (let r = 0; r < reg.length; r++) {
      const g = reg[r]!;
      n[g]!++;
      for (let k = 0; k < S; k++) sum[g * S + k]! += u.sensors[sensors[k]! - 1]![r]!;
    }
  }
  const mean = Array.from({ length: R }, (_, g) =>
    Array.from({ length: S }, (_, k) => (n[g]! > 0 ? sum[g * S + k]! / n[g]! : 0)),
  );
  for (const u of units) {
    const reg = operatingRegime(u, regimes);
    for (let r = 0; r < reg.length; r++) {
      const g = reg[r]!;
      for (let k = 0; k < S; k++) {
        const d = u.sensors[sensors[k]! - 1]![r]! - mean[g]![k]!;
        sq[g * S + k]! += d * d;
      }
    }
  }
  const std = Array.from({ length: R }, (_, g) =>
    Array.from({ length: S }, (_, k) =>
      n[g]! > 0 ? Math.max(Math.sqrt(sq[g * S + k]! / n[g]!), minStd) : 1,
    ),
  );
  return {
    schemaVersion: REGIME_NORMALIZATION_SCHEMA_VERSION,
    regimes: [...regimes.keys],
    sensors: [...sensors],
    mean,
    std,
  };
}

/** A unit's sensors z-scored by the statistics of each row's regime; one column per `stats.sensors`. */
export function applyRegimeNormalization(unit: CmapssUnit, stats: RegimeNormalization): Float32Array[] {
  const reg = operatingRegime(unit, { keys: stats.regimes });
  return stats.sensors.map((s, k) => {
    const src = unit.sensors[s - 1]!;
    const out = new Float32Array(src.length);
    for (let r = 0; r < out.length; r++) {
      const g = reg[r]!;
      out[r] = (src[r]! - stats.mean[g]![k]!) / stats.std[g]![k]!;
    }
    return out;
  });
}
