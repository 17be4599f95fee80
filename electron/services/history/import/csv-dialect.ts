import fs from 'node:fs';

/** Delimiters tried, in order of preference when two explain the lines equally well. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** How a CSV file is written: its delimiter and whether a header line names the columns. */
export interface CsvDialect {
  delimiter: string;
  hasHeader: boolean;
  /**
   * Lines before the header: 1 for Twinscape's own export, whose first line names the columns for people and
   * whose second holds the ids (queries/export-header.ts); the ids then name the columns.
   */
  skip: number;
}

/** Lines and bytes read to detect the dialect: enough for a majority, small enough to read at once. */
const SAMPLE_LINES = 2000;
const SAMPLE_BYTES = 1 << 20;

/** The fields of one line, split on `delimiter` outside double quotes (a doubled quote is a literal quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** The most common field count of the lines and how many lines have it (ties: the larger count). */
function modalFieldCount(lines: readonly string[], delimiter: string): { fields: number; lines: number } {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const n = splitCsvLine(line, delimiter).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = { fields: 1, lines: 0 };
  for (const [fields, n] of counts)
    if (n > best.lines || (n === best.lines && fields > best.fields)) best = { fields, lines: n };
  return best;
}

const isNumeric = (text: string): boolean => text.trim() !== '' && Number.isFinite(Number(text.trim()));
const isTimestamp = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text.trim()) && Number.isFinite(Date.parse(text.trim()));
const isValue = (text: string): boolean => isNumeric(text) || isTimestamp(text);
const ID = /^[a-z][a-z0-9_-]*$/i;

/** Columns where most of the rows hold a number or a timestamp. */
function valueColumns(fields: number, rows: readonly string[][]): number[] {
  const columns: number[] = [];
  for (let col = 0; col < fields; col++)
    if (rows.filter((r) => isValue(r[col] ?? '')).length * 2 > rows.length) columns.push(col);
  return columns;
}

/**
 * A line is a header unless it looks like the data below it: it is one when it holds text in a column where
 * most lines hold a number or a timestamp — or when no column holds values.
 */
const isHeaderLine = (line: string[], values: readonly number[]): boolean =>
  values.length === 0 || values.some((col) => !isValue(line[col] ?? ''));

/** A line of distinct ids, one per column. */
const isIdLine = (line: string[] | undefined, fields: number): line is string[] =>
  line !== undefined &&
  line.length === fields &&
  line.every((c) => ID.test(c)) &&
  new Set(line).size === fields;

/**
 * Detects the delimiter and header by majority vote over the sampled lines, so a few malformed lines (too
 * few fields, another delimiter) do not decide for the whole file: the delimiter is the one whose most
 * common field count (above one) is shared by the most lines. Null for a file with one column or no lines.
 */
export function detectCsvDialect(lines: readonly string[]): CsvDialect | null {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  let best: { delimiter: string; fields: number; lines: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const mode = modalFieldCount(nonEmpty, delimiter);
    if (mode.fields < 2) continue;
    const better =
      !best || mode.lines > best.lines || (mode.lines === best.lines && mode.fields > best.fields);
    if (better) best = { delimiter, ...mode };
  }
  if (!best) return null;
  const { delimiter, fields } = best;
  const [first, second, ...rest] = nonEmpty.map((l) => splitCsvLine(l, delimiter));
  if (!first) return { delimiter, hasHeader: false, skip: 0 };
  const data = rest.filter((r) => r.length === fields);
  // Twinscape's export: a header for people, then one of ids above the data (or alone, for an empty range).
  const idHeader =
    isIdLine(second, fields) &&
    !isIdLine(first, fields) &&
    (data.length === 0 || isHeaderLine(second, valueColumns(fields, data)));
  if (idHeader) return { delimiter, hasHeader: true, skip: 1 };
  const values = valueColumns(fields, second?.length === fields ? [second, ...data] : data);
  return { delimiter, hasHeader: isHeaderLine(first, values), skip: 0 };
}

/** The file's first lines (at most SAMPLE_LINES within SAMPLE_BYTES; a line cut by the byte limit is left out). */
export function readCsvSample(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const read = fs.readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    const text = buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    if (read === SAMPLE_BYTES) lines.pop();
    return lines.slice(0, SAMPLE_LINES);
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's dialect; a comma and a header when there is nothing to vote on (one column, no lines). */
export function detectCsvFileDialect(file: string): CsvDialect {
  return detectCsvDialect(readCsvSample(file)) ?? { delimiter: ',', hasHeader: true, skip: 0 };
}
