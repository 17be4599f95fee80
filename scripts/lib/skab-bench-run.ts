/** The SKAB protocol over a list of experiment files: each on its own, figures pooled over all test rows. */
import { TRAINING_ROWS } from '../../core/data/skab/table';
import {
  countDetections,
  emptyDetectionCounts,
  firstDetectionDelay,
  type DetectionCounts,
} from '../../core/ml/metrics';
import type { NormalModel, NormalModelOptions, NormalTrainingReport } from '../../core/ml/normal';
import { runExperiment, skabTags } from './skab-detector';
import { readExperiment } from './skab-experiments';

export interface FileResult {
  file: string;
  counts: DetectionCounts;
  /** Rows (= seconds) from the labelled onset to the first true alarm; null when never detected. */
  delay: number | null;
  report: NormalTrainingReport;
  model: NormalModel;
  /** `file,datetime,anomaly` for each test row. */
  predictions: string[];
  ms: number;
}

export interface SkabRun {
  pooled: DetectionCounts;
  results: FileResult[];
  /** Files that could not be scored, each as its error message (which names the file). */
  skipped: string[];
}

/** Scores `files` (relative to `dataDir`); `onFile` hears about each file as it finishes or is skipped. */
export function runSkabFiles(
  dataDir: string,
  files: readonly string[],
  options: Partial<NormalModelOptions>,
  onFile: (index: number, file: string, outcome: FileResult | { skipped: string }) => void = () => {},
): SkabRun {
  const tags = skabTags();
  const pooled = emptyDetectionCounts();
  const results: FileResult[] = [];
  const skipped: string[] = [];
  files.forEach((file, index) => {
    const t0 = performance.now();
    let result: FileResult;
    try {
      const experiment = readExperiment(dataDir, file);
      const run = runExperiment(experiment.table, tags, options);
      const labels = experiment.labels.subarray(TRAINING_ROWS);
      countDetections(run.marks, labels, pooled);
      result = {
        file,
        counts: countDetections(run.marks, labels),
        delay: firstDetectionDelay(run.marks, labels),
        report: run.trained.report,
        model: run.trained.model,
        predictions: Array.from(
          run.marks,
          (m, r) => `${file},${experiment.table.datetime[TRAINING_ROWS + r]},${m}`,
        ),
        ms: performance.now() - t0,
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      skipped.push(message);
      onFile(index, file, { skipped: message });
      return;
    }
    results.push(result);
    onFile(index, file, result);
  });
  return { pooled, results, skipped };
}
