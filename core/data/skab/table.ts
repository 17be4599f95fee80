/** A SKAB CSV file (separator ";", header line) as one numeric column per header name. */
export interface SkabTable {
  rows: number;
  columns: ReadonlyMap<string, Float64Array>;
  /** Each row's `datetime` cell as written in the file; empty strings where the file has no such column. */
  datetime: readonly string[];
}

export interface SkabParseOptions {
  /** Names the file in errors, e.g. "valve1/3.csv"; default "SKAB CSV". */
  source?: string;
  /** Throw, naming the line and column, on a cell that is neither empty nor a number (default: NaN). */
  strictNumbers?: boolean;
}

/**
 * Parses SKAB CSV text. Every column but `datetime` is read as a number; an empty cell becomes NaN, and
 * so does a cell that is not a number unless `strictNumbers` is set. Throws on a row with the wrong cell
 * count; errors name `source` and the line as numbered in the file (the header is line 1).
 */
export function parseSkabCsv(text: string, options: SkabParseOptions = {}): SkabTable {
  const source = options.source ?? 'SKAB CSV';
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ line, lineNumber: i + 1 }))
    .filter((l) => l.line.trim() !== '');
  const header = (lines[0]?.line ?? '').split(';').map((h) => h.trim());
  if (header.length < 2) throw new Error(`${source}: the header line has no ";"-separated columns`);
  const body = lines.slice(1);
  const rows = body.length;
  const timeAt = header.indexOf('datetime');
  const numeric = header.map((name, i) => ({ name, i })).filter((c) => c.name !== 'datetime');
  const columns = new Map(numeric.map((c) => [c.name, new Float64Array(rows)]));
  const datetime: string[] = new Array<string>(rows);
  body.forEach(({ line, lineNumber }, r) => {
    const cells = line.split(';');
    if (cells.length !== header.length)
      throw new Error(`${source}: line ${lineNumber} has ${cells.length} cells, the header ${header.length}`);
    datetime[r] = timeAt >= 0 ? cells[timeAt]!.trim() : '';
    for (const c of numeric) {
      const cell = cells[c.i]!.trim();
      const value = cell === '' ? Number.NaN : Number(cell);
      if (options.strictNumbers && cell !== '' && !Number.isFinite(value))
        throw new Error(`${source}: line ${lineNumber}, column "${c.name}": "${cell}" is not a number`);
      columns.get(c.name)![r] = value;
    }
  });
  return { rows, columns, datetime };
}

/** Rows of the benchmark protocol's training part: the first 400 of each file (they hold no anomaly). */
export const TRAINING_ROWS = 400;

/** The training parts of several files as one table (label columns left out: nothing here reads them). */
export function poolTrainingRows(tables: readonly SkabTable[], rows = TRAINING_ROWS): SkabTable {
  const columns = new Map<string, Float64Array>();
  for (const name of tables[0]?.columns.keys() ?? [])
    if (name !== 'anomaly' && name !== 'changepoint')
      columns.set(
        name,
        Float64Array.from(
          tables.flatMap((t) => [...(t.columns.get(name) ?? new Float64Array(0)).subarray(0, rows)]),
        ),
      );
  const datetime = tables.flatMap((t) => t.datetime.slice(0, rows));
  return { rows: columns.values().next().value?.length ?? 0, columns, datetime };
}
