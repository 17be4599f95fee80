/**
 * Proposes the normal bands and alarm limits of the SKAB testbed's tags from a recording of normal
 * running (by default the benchmark's anomaly-free.csv), for assets/skab-testbed. Reads the data
 * from the workplace's shared folder beside the repository; never copies it.
 *
 *   npm run skab:bands [-- --data <dir>] [-- --file <csv, relative to the data folder>] [-- --training <folder>]
 *
 * `--training valve1` pools the benchmark's training part of every file in that folder (its first 400 rows,
 * which hold no anomaly; no label is read): the operating point the valve1 recordings run at, which is not the
 * anomaly-free file's (32 vs 125 L/min). assets/skab-testbed uses those bands.
 *
 * After the bands it checks them against the normal rows (anomaly = 0) of the valve1 experiments,
 * which were recorded on another day, so a band that only fits one day shows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BAND_RULE, proposeBand, shareInside, signalStats } from '../core/data/skab/bands';
import { SKAB_SIGNALS } from '../core/data/skab/signals';
import { parseSkabCsv, poolTrainingRows, TRAINING_ROWS, type SkabTable } from '../core/data/skab/table';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATA = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'skab');
const DEFAULT_FILE = path.join('anomaly-free', 'anomaly-free.csv');

const fmt = (v: number | undefined, decimals: number) => (v === undefined ? '—' : v.toFixed(decimals));
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

function normalRows(table: SkabTable, column: string): Float64Array {
  const values = table.columns.get(column) ?? new Float64Array(0);
  const anomaly = table.columns.get('anomaly');
  return anomaly ? values.filter((_, i) => anomaly[i] === 0) : values;
}

function trainingTable(dir: string): { table: SkabTable; files: number } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  const tables = files.map((f) => parseSkabCsv(readFileSync(path.join(dir, f), 'utf8')));
  return { table: poolTrainingRows(tables), files: files.length };
}

function crossCheck(dataDir: string, bands: Map<string, [number, number]>): void {
  const dir = path.join(dataDir, 'valve1');
  if (!existsSync(dir)) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  const tables = files.map((f) => parseSkabCsv(readFileSync(path.join(dir, f), 'utf8')));
  console.log(`\nnormal rows (anomaly = 0) of ${files.length} valve1 experiments inside each normal band:`);
  for (const s of SKAB_SIGNALS) {
    const pooled = Float64Array.from(tables.flatMap((t) => [...normalRows(t, s.column)]));
    const stats = signalStats(pooled);
    const inside = shareInside(pooled, bands.get(s.tagId)!);
    console.log(
      `  ${s.tagId.padEnd(14)} ${pct(inside).padStart(7)}   (valve1 normal rows span ${fmt(stats.p005, s.decimals + 1)} … ${fmt(stats.p995, s.decimals + 1)} ${s.unit})`,
    );
  }
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { data: { type: 'string' }, file: { type: 'string' }, training: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const dataDir = path.resolve(typeof values.data === 'string' ? values.data : DEFAULT_DATA);
  const file = path.resolve(dataDir, typeof values.file === 'string' ? values.file : DEFAULT_FILE);
  if (!existsSync(file)) {
    console.error(
      `SKAB data not found: ${file}\n` +
        `The SKAB recordings live beside the repository in ../shared/data/skab (see its SOURCE.md); ` +
        `pass --data <dir> where they are elsewhere.`,
    );
    process.exit(1);
  }
  const training = typeof values.training === 'string' ? path.resolve(dataDir, values.training) : null;
  if (training && !existsSync(training)) {
    console.error(`SKAB folder not found: ${training}`);
    process.exit(1);
  }
  const pooled = training ? trainingTable(training) : null;
  const table = pooled?.table ?? parseSkabCsv(readFileSync(file, 'utf8'));
  const name = training
    ? `${path.relative(dataDir, training)}/*.csv, first ${TRAINING_ROWS} rows of each of ${pooled?.files} files`
    : path.relative(dataDir, file);
  console.log(`SKAB ${name}: ${table.rows.toLocaleString('en')} rows`);
  console.log(
    `normal band = ${BAND_RULE.lowPercentile * 100}–${BAND_RULE.highPercentile * 100} % percentiles widened by ` +
      `${BAND_RULE.widen * 100} % of their span each side; alarm = ${BAND_RULE.alarmMargin * 100} % of that span ` +
      `beyond the recording's min/max\n`,
  );
  console.log(
    'tag            unit     min       p0.5      mean      p99.5     max       normal band          alarm low  alarm high',
  );
  const bands = new Map<string, [number, number]>();
  for (const s of SKAB_SIGNALS) {
    const stats = signalStats(normalRows(table, s.column));
    const band = proposeBand(stats, s);
    bands.set(s.tagId, band.normal);
    const d = s.decimals + 2;
    const cells = [stats.min, stats.p005, stats.mean, stats.p995, stats.max].map((v) =>
      fmt(v, d).padStart(9),
    );
    console.log(
      `${s.tagId.padEnd(14)} ${s.unit.padEnd(6)} ${cells.join(' ')}   ` +
        `${`[${fmt(band.normal[0], s.decimals)}, ${fmt(band.normal[1], s.decimals)}]`.padEnd(20)} ` +
        `${fmt(band.alarm.low, s.decimals).padStart(9)}  ${fmt(band.alarm.high, s.decimals).padStart(9)}`,
    );
  }
  crossCheck(dataDir, bands);
}

main();
