/** A SKAB CSV file (separator ";", header line) as one numeric column per header name. */
export interface SkabTable {
  rows: number;
  columns: ReadonlyMap<string, Float64Array>;
}

/**
 * Parses SKAB CSV text. Every column but `datetime` is read as a number; a cell that is not one
 * becomes NaN so the caller decides what to do with it. Throws on a row with the wrong cell count.
 */
export function parseSkabCsv(text: string): SkabTable {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(';').map((h) => h.trim());
  if (header.length < 2) throw new Error('SKAB CSV: the header line has no ";"-separated columns');
  const rows = lines.length - 1;
  const numeric = header.map((name, i) => ({ name, i })).filter((c) => c.name !== 'datetime');
  const columns = new Map(numeric.map((c) => [c.name, new Float64Array(rows)]));
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1]!.split(';');
    if (cells.length !== header.length)
      throw new Error(`SKAB CSV: line ${r + 2} has ${cells.length} cells, the header ${header.length}`);
    for (const c of numeric) {
      const cell = cells[c.i]!.trim();
      columns.get(c.name)![r] = cell === '' ? Number.NaN : Number(cell);
    }
  }
  return { rows, columns };
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
  return { rows: columns.values().next().value?.length ?? 0, columns };
}
