/**
 * NASA C-MAPSS turbofan run-to-failure data (FD001–FD004): parsing, RUL labels, operating regimes
 * and per-regime normalization. Takes file contents as strings; reading files is the caller's job.
 */
import { z } from 'zod';
import { Quality } from './quality';
import type { SampleFrame } from './frame';

/** The 21 sensed outputs, in column order (Saxena et al. 2008, Table 2). Sensor k is entry k − 1. */
export const CMAPSS_SENSOR_NAMES = [
  'T2',
  'T24',
  'T30',
  'T50',
  'P2',
  'P15',
  'P30',
  'Nf',
  'Nc',
  'epr',
  'Ps30',
  'phi',
  'NRf',
  'NRc',
  'BPR',
  'farB',
  'htBleed',
  'Nf_dmd',
  'PCNfR_dmd',
  'W31',
  'W32',
] as const;

export type CmapssSensorName = (typeof CMAPSS_SENSOR_NAMES)[number];

/** Tag ids (lower-case, as asset tag ids require) for the 21 sensors, e.g. "t24", "pcnfr_dmd". */
export const CMAPSS_SENSOR_TAG_IDS: readonly string[] = CMAPSS_SENSOR_NAMES.map((s) => s.toLowerCase());

/** The three operational settings are unnamed in NASA's readme. */
export const CMAPSS_SETTING_NAMES = ['setting1', 'setting2', 'setting3'] as const;

/**
 * 1-based sensor numbers most RUL work uses: the 14 that vary in FD001/FD003
 * (1, 5, 6, 10, 16, 18, 19 are constant or nearly so).
 */
export const CMAPSS_INFORMATIVE_SENSORS: readonly number[] = [
  2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21,
];

export const CMAPSS_COLUMNS = 26;

/** One engine's trajectory, columnar. */
export interface CmapssUnit {
  unit: number;
  /** Time in cycles, strictly increasing. */
  cycles: Int32Array;
  /** Three columns: operational settings 1–3. */
  settings: Float32Array[];
  /** 21 columns: sensors 1–21 (`CMAPSS_SENSOR_NAMES` order). */
  sensors: Float32Array[];
}

export interface CmapssUnitWithRul extends CmapssUnit {
  /** Remaining useful life at each cycle, capped. */
  rul: Float32Array;
}

export interface CmapssParseError {
  fileName: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column, when one column is at fault. */
  column?: number;
  message: string;
}

export interface CmapssParseResult {
  fileName: string;
  units: CmapssUnit[];
  /** Rows kept. */
  rows: number;
  /** Rows dropped, one error each; empty for a clean file. */
  errors: CmapssParseError[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Formats a parse error as "file line N column C: message". */
export function formatCmapssError(e: CmapssParseError): string {
  return `${e.fileName} line ${e.line}${e.column !== undefined ? ` column ${e.column}` : ''}: ${e.message}`;
}

interface UnitBuilder {
  unit: number;
  cycles: number[];
  cols: number[][]; // 24 columns: 3 settings + 21 sensors
}

/**
 * Parses a train_FD00x / test_FD00x file: 26 whitespace-separated numbers per row (unit, cycle,
 * 3 settings, 21 sensors), trailing spaces and blank lines allowed. Bad rows (wrong column count,
 * a field that is not a number, a unit or cycle that is not a positive integer, a cycle not above
 * the unit's previous one) are dropped and reported in `errors`, naming file, line and column;
 * good rows are kept. Units are returned in order of first appearance.
 */
export function parseCmapss(text: string, fileName: string): CmapssParseResult {
  const errors: CmapssParseError[] = [];
  const builders = new Map<number, UnitBuilder>();
  const fields = new Array<number>(CMAPSS_COLUMNS);
  const lines = text.split('\n');
  let rows = 0;
  lineLoop: for (let li = 0; li < lines.length; li++) {
    const raw = lines[li]!.trim();
    if (raw === '') continue;
    const line = li + 1;
    const tokens = raw.split(/\s+/);
    if (tokens.length !== CMAPSS_COLUMNS) {
      errors.push({ fileName, line, message: `expected ${CMAPSS_COLUMNS} columns, found ${tokens.length}` });
      continue;
    }
    for (let c = 0; c < CMAPSS_COLUMNS; c++) {
      const tok = tokens[c]!;
      const v = NUMBER.test(tok) ? Number(tok) : Number.NaN;
      if (!Number.isFinite(v)) {
        errors.push({ fileName, line, column: c + 1, message: `"${tok}" is not a number` });
        continue lineLoop;
      }
      fields[c] = v;
    }
    const unit = fields[0]!;
    const cycle = fields[1]!;
    if (!Number.isInteger(unit) || unit < 1) {
      errors.push({
        fileName,
        line,
        column: 1,
        message: `unit number ${tokens[0]} is not a positive integer`,
      });
      continue;
    }
    if (!Number.isInteger(cycle) || cycle < 1 || cycle > 2 ** 31 - 1) {
      errors.push({ fileName, line, column: 2, message: `cycle ${tokens[1]} is not a positive integer` });
      continue;
    }
    let b = builders.get(unit);
    if (!b) {
      b = { unit, cycles: [], cols: Array.from({ length: CMAPSS_COLUMNS - 2 }, () => []) };
      builders.set(unit, b);
    }
    const prev = b.cycles[b.cycles.length - 1];
    if (prev !== undefined && cycle <= prev) {
      errors.push({
        fileName,
        line,
        column: 2,
        message: `cycle ${cycle} of unit ${unit} does not follow cycle ${prev}`,
      });
      continue;
    }
    b.cycles.push(cycle);
    for (let c = 2; c < CMAPSS_COLUMNS; c++) b.cols[c - 2]!.push(fields[c]!);
    rows++;
  }
  const units: CmapssUnit[] = [...builders.values()].map((b) => ({
    unit: b.unit,
    cycles: Int32Array.from(b.cycles),
    settings: b.cols.slice(0, 3).map((c) => Float32Array.from(c)),
    sensors: b.cols.slice(3).map((c) => Float32Array.from(c)),
  }));
  return { fileName, units, rows, errors };
}

/** Like `parseCmapss`, but throws on the first bad row. */
export function parseCmapssStrict(text: string, fileName: string): CmapssParseResult {
  const r = parseCmapss(text, fileName);
  const e = r.errors[0];
  if (e)
    throw new Error(formatCmapssError(e) + (r.errors.length > 1 ? ` (and ${r.errors.length - 1} more)` : ''));
  return r;
}

/**
 * Parses a RUL_FD00x file: one non-negative integer per line (line i is test unit i), trailing
 * spaces and blank lines allowed. Throws naming file and line on a bad line, since dropping one
 * would shift every later unit.
 */
export function parseRulFile(text: string, fileName = 'RUL file'): Int32Array {
  const out: number[] = [];
  text.split('\n').forEach((rawLine, li) => {
    const raw = rawLine.trim();
    if (raw === '') return;
    const tokens = raw.split(/\s+/);
    if (tokens.length !== 1)
      throw new Error(`${fileName} line ${li + 1}: expected one value, found ${tokens.length}`);
    const v = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(v))
      throw new Error(`${fileName} line ${li + 1}: "${raw}" is not a non-negative integer`);
    out.push(v);
  });
  return Int32Array.from(out);
}

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

/**
 * A unit as a `SampleFrame`: t = cycle, one column per chosen sensor (tag ids from
 * `CMAPSS_SENSOR_TAG_IDS`), quality good.
 */
export function cmapssUnitToFrame(
  unit: CmapssUnit,
  sensors: readonly number[] = CMAPSS_INFORMATIVE_SENSORS,
): SampleFrame {
  const n = unit.cycles.length;
  return {
    t: Float64Array.from(unit.cycles),
    tagIds: sensors.map((s) => {
      const id = CMAPSS_SENSOR_TAG_IDS[s - 1];
      if (id === undefined) throw new Error(`C-MAPSS has sensors 1–21, not ${s}`);
      return id;
    }),
    values: sensors.map((s) => unit.sensors[s - 1]!.slice()),
    quality: sensors.map(() => new Uint8Array(n).fill(Quality.good)),
  };
}
