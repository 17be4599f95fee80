/** Finds and reads SKAB experiment files (one anomalous episode each, `anomaly` labels) for the benchmark. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SKAB_SIGNALS } from '../../core/data/skab/signals';
import { parseSkabCsv, TRAINING_ROWS, type SkabTable } from '../../core/data/skab/table';

/** Folder of normal running only: general normal data, not an experiment. */
export const ANOMALY_FREE_FOLDER = 'anomaly-free';

export interface SkabExperiment {
  /** Path relative to the data folder, with "/" separators, e.g. "valve1/3.csv". */
  file: string;
  table: SkabTable;
  /** The `anomaly` column as 0/1. */
  labels: Uint8Array;
}

const byNaturalName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Every .csv under `dir` (recursively, sorted naturally so 2.csv comes before 10.csv) except those in an
 * `anomaly-free` folder; paths relative to `dir` with "/" separators. `dir` may itself be a subfolder.
 */
export function findExperimentFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const entries = readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) =>
      byNaturalName(a.name, b.name),
    );
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const isDir =
        entry.isDirectory() || (entry.isSymbolicLink() && statSync(path.join(dir, child)).isDirectory());
      if (isDir) {
        if (entry.name !== ANOMALY_FREE_FOLDER) walk(child);
      } else if (entry.name.toLowerCase().endsWith('.csv')) found.push(child);
    }
  };
  walk('');
  return found;
}

/**
 * Reads one experiment; throws an Error naming the file (and line, for bad content) when it cannot be
 * read, lacks a sensor or label column, has a label that is not 0/1, or has no test rows after the 400
 * training rows.
 */
export function readExperiment(dir: string, file: string): SkabExperiment {
  let text: string;
  try {
    text = readFileSync(path.join(dir, file), 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot be read (${(e as Error).message})`);
  }
  const table = parseSkabCsv(text, { source: file, strictNumbers: true });
  const missing = [...SKAB_SIGNALS.map((s) => s.column), 'anomaly'].filter((c) => !table.columns.has(c));
  if (missing.length > 0) throw new Error(`${file}: not a SKAB experiment, no column ${missing.join(', ')}`);
  if (table.rows <= TRAINING_ROWS)
    throw new Error(`${file}: ${table.rows} rows, needs more than the ${TRAINING_ROWS} training rows`);
  const anomaly = table.columns.get('anomaly')!;
  const labels = new Uint8Array(table.rows);
  for (let r = 0; r < table.rows; r++) {
    const y = anomaly[r]!;
    if (y !== 0 && y !== 1)
      throw new Error(
        `${file}: line ${lineOfRow(text, r)}, column "anomaly": ${Number.isNaN(y) ? 'empty' : y} is not 0 or 1`,
      );
    labels[r] = y;
  }
  return { file, table, labels };
}

/** Line number in the file of data row `row` (0-based), counting the header and skipping blank lines as the parser does. */
function lineOfRow(text: string, row: number): number {
  let seen = -1;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    if (seen === row) return i + 1;
    seen++;
  }
  return lines.length;
}
