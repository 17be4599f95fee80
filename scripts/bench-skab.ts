/**
 * SKAB outlier-detection benchmark for the model of normal behaviour (core/ml/normal), on the benchmark's
 * protocol: each experiment file on its own, trained on its first 400 rows only, every later row marked
 * 0/1 causally (from that row and earlier ones); one confusion matrix pooled over all test rows.
 *
 *   npm run bench:skab -- --data <dir> [--out predictions.csv] [--prior <anomaly-free.csv>] [--files a.csv,b.csv]
 *                          [--cards <dir>]
 *
 * `<dir>` is the SKAB folder (its subfolders are walked; anomaly-free/ is skipped) or one subfolder;
 * `--files` limits the run to those files (relative to `<dir>`). `--out` writes `file,datetime,anomaly`
 * per test row, no header; `--cards` saves each file's model card (model-card-<file>.json). `--window`, `--wander`, `--budget` (false alarms per day) and `--hampel on`
 * override the model's defaults, for the checks in docs/models-normal-behaviour.md.
 * Last line, exactly: `SKAB F1=<number> FAR=<number> MAR=<number> (<n> files)`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TRAINING_ROWS } from '../core/data/skab/table';
import { detectionFigures } from '../core/ml/metrics';
import { normalModelCard, type NormalModelOptions } from '../core/ml/normal';
import { CLEANING_REASONS } from '../core/data/cleaning';
import { isMainScript, parseArgs, REPO_ROOT } from './lib/files';
import { runSkabFiles, type FileResult } from './lib/skab-bench-run';
import { findExperimentFiles } from './lib/skab-experiments';
import { runPrior } from './lib/skab-prior';
import { SKAB_PUBLISHED } from './lib/skab-published';

export const DEFAULT_SKAB_DIR =
  process.env.SKAB_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'data', 'skab');

export interface SkabBenchResult {
  f1: number;
  farPercent: number;
  marPercent: number;
  files: number;
  skipped: string[];
}

/** Model options from `--window`, `--wander`, `--budget` and `--hampel on`. */
export function modelOptions(args: Map<string, string>): Partial<NormalModelOptions> {
  const number = (key: string): number | undefined => {
    const v = args.get(key);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${key} must be a number, got "${v}"`);
    return n;
  };
  const o: Partial<NormalModelOptions> = {};
  const window = number('window');
  const wander = number('wander');
  const budget = number('budget');
  if (window !== undefined) o.windowRows = window;
  if (wander !== undefined) o.levelWander = wander;
  if (budget !== undefined) o.falseAlarmsPerDay = budget;
  if (args.get('hampel') === 'on') o.hampel = { halfWindow: 5, threshold: 4 };
  return o;
}

export const fixed = (v: number, d: number): string => (Number.isFinite(v) ? v.toFixed(d) : 'NaN');

function fileLine(r: FileResult): string {
  const f = detectionFigures(r.counts);
  const t = r.report;
  return (
    `${r.predictions.length} test rows  threshold ${fixed(t.threshold, 2)} (budget ${fixed(t.budgetLevel, 2)} × ` +
    `held-out ${fixed(t.heldOutInflation, 2)})  F1 ${fixed(f.f1, 3)}  FAR ${fixed(f.farPercent, 1)} %  ` +
    `MAR ${fixed(f.marPercent, 1)} %  first true alarm ${r.delay === null ? 'none' : `${r.delay} s after onset`}  ` +
    `${fixed(r.ms, 0)} ms`
  );
}

/** Runs the benchmark; `print` receives each output line (console.log by default). */
export function benchSkab(
  argv: readonly string[],
  print: (line: string) => void = console.log,
): SkabBenchResult {
  const args = parseArgs(argv);
  const dataDir = path.resolve(args.get('data') ?? DEFAULT_SKAB_DIR);
  const options = modelOptions(args);
  const only = args
    .get('files')
    ?.split(',')
    .map((f) => f.trim().replaceAll('\\', '/'));
  if (!existsSync(dataDir))
    throw new Error(
      `SKAB data folder not found: ${dataDir} (the recordings live beside the repository in ` +
        `../shared/data/skab, see its SOURCE.md; pass --data <dir>)`,
    );
  const files = only ?? findExperimentFiles(dataDir);
  if (files.length === 0) throw new Error(`no SKAB experiment (.csv) under ${dataDir}`);

  print(`SKAB outlier detection: model of normal behaviour (core/ml/normal), each file on its own`);
  print(
    `data ${dataDir}: ${files.length} file(s); train on rows 1–${TRAINING_ROWS}, mark later rows causally`,
  );
  const started = performance.now();
  const width = String(files.length).length;
  const run = runSkabFiles(dataDir, files, options, (i, file, outcome) => {
    const head = `[${String(i + 1).padStart(width)}/${files.length}] ${file.padEnd(16)}`;
    print(`${head} ${'skipped' in outcome ? `skipped: ${outcome.skipped}` : fileLine(outcome)}`);
  });
  const scored = run.results.length;
  if (scored === 0)
    throw new Error(`none of the ${files.length} file(s) could be scored:\n  ${run.skipped.join('\n  ')}`);
  const outFile = args.get('out');
  if (outFile) {
    const lines = run.results.flatMap((r) => r.predictions);
    writeFileSync(outFile, `${lines.join('\n')}\n`);
    print(`wrote ${lines.length} predictions (file,datetime,anomaly; no header) to ${path.resolve(outFile)}`);
  }

  const cardDir = args.get('cards');
  if (cardDir) {
    mkdirSync(cardDir, { recursive: true });
    for (const r of run.results) {
      const card = normalModelCard(r.model, r.report, {
        asset: 'skab-testbed',
        trainedOn: `${r.file}, rows 1–${TRAINING_ROWS}`,
        createdAt: new Date().toISOString(),
      });
      writeFileSync(
        path.join(cardDir, `model-card-${r.file.replaceAll('/', '-')}.json`),
        `${JSON.stringify(card, null, 2)}\n`,
      );
    }
    print(`wrote ${run.results.length} model card(s) to ${path.resolve(cardDir)}`);
  }
  const cleaned = CLEANING_REASONS.map((reason) => {
    const n = run.results.reduce(
      (sum, r) => sum + Object.values(r.report.cleaning).reduce((s, c) => s + c[reason], 0),
      0,
    );
    return `${reason} ${n}`;
  });
  print(
    `cleaning of the training rows (core/data/cleaning), samples over all files and tags: ${cleaned.join(', ')}`,
  );

  const p = run.pooled;
  const figures = detectionFigures(p);
  const seconds = (performance.now() - started) / 1000;
  print('');
  print(
    `pooled over ${scored} file(s), ${p.tp + p.fp + p.fn + p.tn} test rows: TP ${p.tp}  FP ${p.fp}  FN ${p.fn}  TN ${p.tn}  (${fixed(seconds, 1)} s)`,
  );
  const row = (name: string, f1: string, far: string, mar: string) =>
    print(`${name.padEnd(40)} ${f1.padStart(6)} ${far.padStart(7)} ${mar.padStart(7)}`);
  row('method', 'F1', 'FAR %', 'MAR %');
  row(
    `this model (the ${scored} file(s) above)`,
    fixed(figures.f1, 3),
    fixed(figures.farPercent, 2),
    fixed(figures.marPercent, 2),
  );
  for (const m of SKAB_PUBLISHED)
    row(`${m.method} (published, 34 files)`, m.f1.toFixed(2), m.far.toFixed(2), m.mar.toFixed(2));
  const delays = run.results.map((r) => r.delay);
  const detected = delays.filter((d): d is number => d !== null).sort((a, b) => a - b);
  print(
    `detection delay, labelled onset → first true alarm (rows = s): median ` +
      `${detected.length > 0 ? detected[(detected.length - 1) >> 1] : 'n/a'}, never detected in ${delays.length - detected.length} file(s)`,
  );
  print(`  ${run.results.map((r) => `${r.file} ${r.delay ?? '—'}`).join(', ')}`);
  if (run.skipped.length > 0) print(`skipped ${run.skipped.length} file(s):\n  ${run.skipped.join('\n  ')}`);
  const prior = args.get('prior');
  if (prior) runPrior(path.resolve(prior), options, print);
  print(
    `SKAB F1=${fixed(figures.f1, 3)} FAR=${fixed(figures.farPercent, 2)} MAR=${fixed(figures.marPercent, 2)} (${scored} files)`,
  );
  return {
    f1: figures.f1,
    farPercent: figures.farPercent,
    marPercent: figures.marPercent,
    files: scored,
    skipped: run.skipped,
  };
}

if (isMainScript('bench-skab.ts')) {
  try {
    benchSkab(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
