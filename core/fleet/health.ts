/**
 * Health deviation of each engine without any trained model: sensors z-scored per operating regime
 * against the fleet's own early life (C-MAPSS engines start healthy), smoothed over a few cycles.
 */
import {
  CMAPSS_INFORMATIVE_SENSORS,
  CMAPSS_SENSOR_TAG_IDS,
  applyRegimeNormalization,
  fitOperatingRegimes,
  fitRegimeNormalization,
  type CmapssUnit,
  type RegimeNormalization,
} from '../data/cmapss';
import type { AssetDefinition } from '../asset/schema';

/** Cycles of each engine treated as healthy when fitting the baseline. */
export const BASELINE_CYCLES = 30;
/** Trailing cycles averaged before scoring, so single-cycle noise does not flash an engine. */
export const SMOOTH_CYCLES = 5;

/** Per-regime sensor statistics of the first `cycles` cycles of every engine. */
export function fitHealthBaseline(
  units: readonly CmapssUnit[],
  cycles = BASELINE_CYCLES,
  sensors: readonly number[] = CMAPSS_INFORMATIVE_SENSORS,
): RegimeNormalization {
  if (units.length === 0) throw new Error('cannot fit a health baseline on a fleet with no engines');
  const early = units.map((u) => {
    const n = Math.min(cycles, u.cycles.length);
    return {
      unit: u.unit,
      cycles: u.cycles.subarray(0, n),
      settings: u.settings.map((c) => c.subarray(0, n)),
      sensors: u.sensors.map((c) => c.subarray(0, n)),
    };
  });
  // Regimes from every row, so a condition first flown late in life still has a key.
  return fitRegimeNormalization(early, fitOperatingRegimes(units), sensors);
}

/** Trailing mean of each sensor's z-score at every row, one column per baseline sensor. */
export function smoothedDeviations(
  unit: CmapssUnit,
  baseline: RegimeNormalization,
  smooth = SMOOTH_CYCLES,
): Float32Array[] {
  return applyRegimeNormalization(unit, baseline).map((z) => {
    const out = new Float32Array(z.length);
    let sum = 0;
    for (let r = 0; r < z.length; r++) {
      sum += z[r]!;
      if (r >= smooth) sum -= z[r - smooth]!;
      out[r] = sum / Math.min(r + 1, smooth);
    }
    return out;
  });
}

/** Root-mean-square of the smoothed deviations at every row: about 0.5 healthy, 3+ near failure. */
export function anomalyTrack(deviations: readonly Float32Array[]): Float32Array {
  const rows = deviations[0]?.length ?? 0;
  const out = new Float32Array(rows);
  if (deviations.length === 0) return out;
  for (let r = 0; r < rows; r++) {
    let sq = 0;
    for (const col of deviations) sq += col[r]! * col[r]!;
    out[r] = Math.sqrt(sq / deviations.length);
  }
  return out;
}

/**
 * Largest absolute deviation among each component's sensor tags at one row, by component id;
 * components without a baseline sensor are absent.
 */
export function componentDeviations(
  asset: AssetDefinition,
  baselineSensors: readonly number[],
  deviations: readonly Float32Array[],
  row: number,
): Map<string, number> {
  const column = new Map<string, number>();
  baselineSensors.forEach((s, k) => column.set(CMAPSS_SENSOR_TAG_IDS[s - 1] ?? '', k));
  const out = new Map<string, number>();
  for (const c of asset.components) {
    let worst = -1;
    for (const tag of c.tags) {
      const k = column.get(tag);
      const v = k === undefined ? undefined : deviations[k]?.[row];
      if (v !== undefined && Math.abs(v) > worst) worst = Math.abs(v);
    }
    if (worst >= 0) out.set(c.id, worst);
  }
  return out;
}
