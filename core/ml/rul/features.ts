/**
 * C-MAPSS feature pipeline for the RUL models: sensor selection, per-regime z-scoring (fit on
 * training units only), optional causal exponential smoothing of the z-scores, optional regime
 * one-hot channels, and causal windows that are left-padded (by repeating the first row) for units
 * shorter than the window.
 */
import {
  CMAPSS_INFORMATIVE_SENSORS,
  CMAPSS_SENSOR_NAMES,
  applyRegimeNormalization,
  fitOperatingRegimes,
  fitRegimeNormalization,
  operatingRegime,
  type CmapssUnit,
  type RegimeNormalization,
} from '../../data/cmapss';

export interface FeatureSpec {
  /** 1-based sensor numbers, in channel order. */
  sensors: number[];
  /** Whether one channel per operating regime (one-hot) follows the sensors. */
  regimeOneHot: boolean;
  normalization: RegimeNormalization;
  windowLength: number;
  /** RUL cap of the piecewise-linear target; outputs are scaled by 1 / cap. */
  rulCap: number;
  /**
   * Factor α of the exponential smoothing s[t] = α·z[t] + (1 − α)·s[t − 1] applied to each
   * z-scored sensor along the unit's cycles (s[0] = z[0]); absent or 1 = none. Causal, so the
   * features of a cycle never depend on later cycles.
   */
  smoothing?: number;
  /**
   * When set, one last channel holds the cycle number / `ageScale`: how long the engine has run.
   * Time in service is known for any fielded engine and says much about how far wear has gone.
   */
  ageScale?: number;
  /**
   * When true, one last channel marks the real rows of a window (1) against its left padding (0), so a
   * model can summarise short histories without the padding (core/ml/layers/masked-trend.ts).
   */
  validMask?: boolean;
}

/** Index of the validity channel of windows built with `spec`, or undefined when it has none. */
export function maskChannelOf(spec: FeatureSpec): number | undefined {
  return spec.validMask === true ? featureCount(spec) - 1 : undefined;
}

/** Checks a smoothing factor: a number in (0, 1]. */
export function checkSmoothing(alpha: number): number {
  if (!(alpha > 0 && alpha <= 1)) throw new Error(`smoothing factor must be in (0, 1] (got ${alpha})`);
  return alpha;
}

/** Exponential smoothing of one column in place (see `FeatureSpec.smoothing`). */
export function smoothInPlace(col: Float32Array, alpha: number): Float32Array {
  for (let r = 1; r < col.length; r++) col[r] = alpha * col[r]! + (1 - alpha) * col[r - 1]!;
  return col;
}

/** Fits the feature spec (normalization stats per regime) on training units only. */
export function fitFeatureSpec(
  trainUnits: readonly CmapssUnit[],
  opts: {
    windowLength: number;
    rulCap?: number;
    sensors?: readonly number[];
    regimeOneHot?: boolean;
    smoothing?: number;
    ageScale?: number;
    validMask?: boolean;
  },
): FeatureSpec {
  const regimes = fitOperatingRegimes(trainUnits);
  const sensors = [...(opts.sensors ?? CMAPSS_INFORMATIVE_SENSORS)];
  const spec: FeatureSpec = {
    sensors,
    regimeOneHot: opts.regimeOneHot ?? regimes.keys.length > 1,
    normalization: fitRegimeNormalization(trainUnits, regimes, sensors),
    windowLength: opts.windowLength,
    rulCap: opts.rulCap ?? 125,
  };
  if (opts.smoothing !== undefined && opts.smoothing !== 1) spec.smoothing = checkSmoothing(opts.smoothing);
  if (opts.ageScale !== undefined && opts.ageScale > 0) spec.ageScale = opts.ageScale;
  if (opts.validMask === true) spec.validMask = true;
  return spec;
}

export function featureCount(spec: FeatureSpec): number {
  const regimes = spec.regimeOneHot ? spec.normalization.regimes.length : 0;
  return spec.sensors.length + regimes + (spec.ageScale !== undefined ? 1 : 0) + (spec.validMask ? 1 : 0);
}

/** Human-readable channel names, e.g. "T24 (s2)", "regime 0|0|100". */
export function featureNames(spec: FeatureSpec): string[] {
  const names = spec.sensors.map((s) => `${CMAPSS_SENSOR_NAMES[s - 1] ?? '?'} (s${s})`);
  if (spec.regimeOneHot) for (const k of spec.normalization.regimes) names.push(`regime ${k}`);
  if (spec.ageScale !== undefined) names.push(`age (cycles / ${spec.ageScale})`);
  if (spec.validMask) names.push('real row (1) or padding (0)');
  return names;
}

/** One unit's features as a row-major [rows, F] matrix. */
export function unitFeatures(unit: CmapssUnit, spec: FeatureSpec): { rows: number; data: Float32Array } {
  const cols = applyRegimeNormalization(unit, spec.normalization);
  if (spec.smoothing !== undefined && spec.smoothing !== 1) {
    const alpha = checkSmoothing(spec.smoothing);
    for (const c of cols) smoothInPlace(c, alpha);
  }
  const F = featureCount(spec);
  const rows = unit.cycles.length;
  const data = new Float32Array(rows * F);
  const S = cols.length;
  for (let k = 0; k < S; k++) {
    const c = cols[k]!;
    for (let r = 0; r < rows; r++) data[r * F + k] = c[r]!;
  }
  if (spec.regimeOneHot) {
    const reg = operatingRegime(unit, { keys: spec.normalization.regimes });
    for (let r = 0; r < rows; r++) data[r * F + S + reg[r]!] = 1;
  }
  const mask = maskChannelOf(spec);
  if (spec.ageScale !== undefined) {
    const age = mask === undefined ? F - 1 : F - 2;
    for (let r = 0; r < rows; r++) data[r * F + age] = unit.cycles[r]! / spec.ageScale;
  }
  if (mask !== undefined) for (let r = 0; r < rows; r++) data[r * F + mask] = 1;
  return { rows, data };
}

/**
 * Copies the causal window ending at row `end` (inclusive) into `out` at `offset`: rows
 * end − W + 1 … end, where rows before 0 repeat row 0 (left padding for short histories). With
 * `maskChannel`, that channel is 0 in the padding rows.
 */
export function copyWindow(
  feats: { rows: number; data: Float32Array },
  F: number,
  end: number,
  W: number,
  out: Float32Array,
  offset: number,
  maskChannel?: number,
): void {
  for (let i = 0; i < W; i++) {
    const r = Math.max(0, end - W + 1 + i);
    out.set(feats.data.subarray(r * F, r * F + F), offset + i * F);
    if (maskChannel !== undefined && end - W + 1 + i < 0) out[offset + i * F + maskChannel] = 0;
  }
}

export interface WindowSet {
  count: number;
  windowLength: number;
  features: number;
  /** [count, W, F] row-major. */
  x: Float32Array;
  /** Capped RUL label per window (cycles). */
  y: Float32Array;
  /** Unit number of each window. */
  unit: Int32Array;
}

/**
 * Training windows: one per row with at least `minHistory` rows of history (shorter ones are
 * left-padded), labelled with the capped piecewise-linear RUL of its last row.
 */
export function trainingWindows(units: readonly CmapssUnit[], spec: FeatureSpec, minHistory = 1): WindowSet {
  const W = spec.windowLength;
  const F = featureCount(spec);
  let count = 0;
  for (const u of units) count += Math.max(0, u.cycles.length - minHistory + 1);
  const x = new Float32Array(count * W * F);
  const y = new Float32Array(count);
  const unitIds = new Int32Array(count);
  let n = 0;
  for (const u of units) {
    const feats = unitFeatures(u, spec);
    const last = u.cycles[u.cycles.length - 1] ?? 0;
    for (let end = minHistory - 1; end < feats.rows; end++) {
      copyWindow(feats, F, end, W, x, n * W * F, maskChannelOf(spec));
      y[n] = Math.min(spec.rulCap, last - u.cycles[end]!);
      unitIds[n] = u.unit;
      n++;
    }
  }
  return { count, windowLength: W, features: F, x, y, unit: unitIds };
}

/** The window ending at each unit's last cycle (the test protocol), [units, W, F]. */
export function lastWindows(units: readonly CmapssUnit[], spec: FeatureSpec): Float32Array {
  const W = spec.windowLength;
  const F = featureCount(spec);
  const x = new Float32Array(units.length * W * F);
  units.forEach((u, i) => {
    const feats = unitFeatures(u, spec);
    copyWindow(feats, F, feats.rows - 1, W, x, i * W * F, maskChannelOf(spec));
  });
  return x;
}
