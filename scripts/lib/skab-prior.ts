/**
 * `--prior`: the same detector on general normal running of the testbed (SKAB's anomaly-free.csv, another
 * operating point), as a check of the false-alarm calibration on real data. The recording is cut into
 * trials like the benchmark's files: train on 400 rows, mark the next 750 causally; every mark is a false
 * alarm. Its figures are printed apart from the benchmark's and never change them.
 */
import { readFileSync } from 'node:fs';
import { parseSkabCsv, TRAINING_ROWS, type SkabTable } from '../../core/data/skab/table';
import type { NormalModelOptions } from '../../core/ml/normal';
import { runExperiment, skabTags } from './skab-detector';

/** Test rows per trial: about what follows the training rows in a valve1 file. */
const TRIAL_TEST_ROWS = 750;

function sliceTable(table: SkabTable, start: number, end: number): SkabTable {
  const columns = new Map([...table.columns].map(([name, values]) => [name, values.slice(start, end)]));
  return { rows: end - start, columns, datetime: table.datetime.slice(start, end) };
}

export function runPrior(
  file: string,
  options: Partial<NormalModelOptions>,
  print: (line: string) => void,
): void {
  let table: SkabTable;
  try {
    table = parseSkabCsv(readFileSync(file, 'utf8'), { source: file, strictNumbers: true });
  } catch (e) {
    print(`prior ${file}: skipped (${e instanceof Error ? e.message : String(e)})`);
    return;
  }
  const tags = skabTags();
  const trialRows = TRAINING_ROWS + TRIAL_TEST_ROWS;
  let rows = 0;
  let marked = 0;
  let events = 0;
  let trials = 0;
  for (let start = 0; start + trialRows <= table.rows; start += TRAINING_ROWS) {
    const run = runExperiment(sliceTable(table, start, start + trialRows), tags, options);
    trials++;
    rows += run.marks.length;
    run.marks.forEach((m, i) => {
      marked += m;
      if (m === 1 && (i === 0 || run.marks[i - 1] === 0)) events++;
    });
  }
  if (trials === 0) {
    print(`prior ${file}: ${table.rows} rows, too few for one trial of ${trialRows}`);
    return;
  }
  const hours = rows / 3600;
  print('');
  print(`prior (normal running only, not part of the figures above): ${file}`);
  print(
    `  ${trials} trials of ${TRAINING_ROWS} training + ${TRIAL_TEST_ROWS} marked rows (starts ${TRAINING_ROWS} rows apart): ` +
      `${marked} of ${rows} rows marked (false alarm rate ${((100 * marked) / rows).toFixed(2)} %), ` +
      `${events} alarm(s) in ${hours.toFixed(2)} h of marked rows = ${((24 * events) / hours).toFixed(1)} per 24 h ` +
      `(budget ${options.falseAlarmsPerDay ?? 1} per 24 h; overlapping trials count a row more than once)`,
  );
}
