/**
 * How the model of normal behaviour's settings were chosen on the visible SKAB files (see
 * docs/models-normal-behaviour.md): a small grid of window length and level wander, the rows below the
 * clear level that clear an alarm, plus ablations,
 * scored on valve1 files 0–7 (where the choice is made) and 8–15 (the check), and the other way round.
 *
 *   npx vite-node scripts/skab-select.ts [-- --data <skab dir>]
 *
 * Prints one line per setting: F1 / FAR % / MAR % on files 0–7, on files 8–15 and on all 16.
 */
import path from 'node:path';
import { TRAINING_ROWS } from '../core/data/skab/table';
import {
  countDetections,
  detectionFigures,
  emptyDetectionCounts,
  type DetectionCounts,
} from '../core/ml/metrics';
import {
  CausalScorer,
  DEFAULT_NORMAL_OPTIONS,
  trainNormalModel,
  type NormalModel,
  type NormalModelOptions,
} from '../core/ml/normal';
import { isMainScript, parseArgs, REPO_ROOT } from './lib/files';
import { skabFrame, skabTags } from './lib/skab-detector';
import { readExperiment, type SkabExperiment } from './lib/skab-experiments';
import { SKAB_SIGNALS } from '../core/data/skab/signals';

interface Setting {
  name: string;
  options: Partial<NormalModelOptions>;
  /** Changes the trained model before scoring (ablations). */
  adjust?: (model: NormalModel) => void;
}

const WINDOWS = [10, 20, 30, 60];
const WANDERS = [0.1, 0.15, 0.25, 0.35, 0.5];

const SETTINGS: Setting[] = [
  ...WINDOWS.flatMap((windowRows) =>
    WANDERS.map((levelWander) => ({
      name: `window ${windowRows}, wander ${levelWander}`,
      options: { windowRows, levelWander },
    })),
  ),
  { name: 'default, budget 0.1 false alarms / 24 h', options: { falseAlarmsPerDay: 0.1 } },
  { name: 'default, budget 10 false alarms / 24 h', options: { falseAlarmsPerDay: 10 } },
  ...[1, 10, 15, 22, 25, 30].map((clearRows) => ({
    name: `default, clear after ${clearRows} row(s) below`,
    options: { persistence: { ...DEFAULT_NORMAL_OPTIONS.persistence, clearRows } },
  })),
  { name: 'default + Hampel (half-window 5, 4σ)', options: { hampel: { halfWindow: 5, threshold: 4 } } },
  {
    name: 'default, Gaussian tails (no effective-sample t)',
    options: {},
    adjust: (m) => m.tags.forEach((t) => (t.dof = Number.POSITIVE_INFINITY)),
  },
];

function score(experiment: SkabExperiment, setting: Setting, into: DetectionCounts): void {
  const { table, labels } = experiment;
  const { model } = trainNormalModel(skabFrame(table, 0, TRAINING_ROWS), skabTags(), setting.options);
  setting.adjust?.(model);
  const scorer = new CausalScorer(model);
  const columns = SKAB_SIGNALS.map((s) => table.columns.get(s.column)!);
  const marks: number[] = [];
  for (let r = 0; r < table.rows; r++) {
    const { alarm } = scorer.push(columns.map((c) => c[r]!));
    if (r >= TRAINING_ROWS) marks.push(alarm ? 1 : 0);
  }
  countDetections(marks, labels.subarray(TRAINING_ROWS), into);
}

const show = (c: DetectionCounts): string => {
  const f = detectionFigures(c);
  return `${f.f1.toFixed(3)} / ${f.farPercent.toFixed(1).padStart(4)} / ${f.marPercent.toFixed(1).padStart(4)}`;
};

export function selectSkab(argv: readonly string[]): void {
  const dataDir = path.resolve(
    parseArgs(argv).get('data') ?? path.resolve(REPO_ROOT, '..', 'shared', 'data', 'skab'),
  );
  const experiments = Array.from({ length: 16 }, (_, i) => readExperiment(dataDir, `valve1/${i}.csv`));
  console.log(
    `${'setting'.padEnd(48)} ${'files 0–7 F1/FAR/MAR'.padEnd(22)} ${'files 8–15'.padEnd(22)} all 16`,
  );
  for (const setting of SETTINGS) {
    const folds = [emptyDetectionCounts(), emptyDetectionCounts()];
    experiments.forEach((e, i) => score(e, setting, folds[i < 8 ? 0 : 1]!));
    const all = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const f of folds) for (const k of ['tp', 'fp', 'fn', 'tn'] as const) all[k] += f[k];
    console.log(
      `${setting.name.padEnd(48)} ${show(folds[0]!).padEnd(22)} ${show(folds[1]!).padEnd(22)} ${show(all)}`,
    );
  }
}

if (isMainScript('skab-select.ts')) selectSkab(process.argv.slice(2));
