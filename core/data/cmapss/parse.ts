/**
 * Parsing of C-MAPSS train_FD00x / test_FD00x files, with bad rows dropped and reported.
 * Takes file contents as strings; reading files is the caller's job.
 */
import type { CmapssUnit } from './unit';

/** Columns per row: unit, cycle, 3 settings, 21 sensors. */
export const CMAPSS_COLUMNS = 26;

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
