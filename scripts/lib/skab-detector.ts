/** One SKAB experiment through the model of normal behaviour: train on its first 400 rows, mark the rest causally. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAssetJson, describeProblems } from '../../core/asset/parse';
import type { TagDefinition } from '../../core/asset/schema';
import type { SampleFrame } from '../../core/data/frame';
import { Quality } from '../../core/data/quality';
import { SKAB_SIGNALS } from '../../core/data/skab/signals';
import { TRAINING_ROWS, type SkabTable } from '../../core/data/skab/table';
import {
  CausalScorer,
  trainNormalModel,
  type NormalModelOptions,
  type TrainedNormalModel,
} from '../../core/ml/normal';
import { REPO_ROOT } from './files';

/**
 * The testbed's tag definitions (ids, units, sensor ranges) from assets/skab-testbed/asset.json, in
 * SKAB_SIGNALS order. Only the sensor ranges are used (out-of-range → missing): the asset's normal bands
 * and alarm limits were drawn from the training rows of all valve1 files together, so reading them would
 * let one file's model see the others.
 */
export function skabTags(): TagDefinition[] {
  const file = path.join(REPO_ROOT, 'assets', 'skab-testbed', 'asset.json');
  const result = parseAssetJson(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(`${file}: ${describeProblems(result.problems)}`);
  return SKAB_SIGNALS.map((s) => {
    const tag = result.asset.tags.find((t) => t.id === s.tagId);
    if (!tag) throw new Error(`${file}: no tag "${s.tagId}" for SKAB column "${s.column}"`);
    return tag;
  });
}

/** Rows [start, end) of a SKAB table as a frame of the testbed's tags (t = row index, 1 s apart). */
export function skabFrame(table: SkabTable, start: number, end: number): SampleFrame {
  const rows = end - start;
  return {
    t: Float64Array.from({ length: rows }, (_, i) => start + i),
    tagIds: SKAB_SIGNALS.map((s) => s.tagId),
    values: SKAB_SIGNALS.map((s) => Float32Array.from(table.columns.get(s.column)!.subarray(start, end))),
    quality: SKAB_SIGNALS.map(() => new Uint8Array(rows).fill(Quality.good)),
  };
}

export interface ExperimentRun {
  trained: TrainedNormalModel;
  /** One 0/1 mark per test row (rows after the training rows). */
  marks: Uint8Array;
  scores: Float64Array;
  /** Tag id that contributed most, per test row. */
  topTag: string[];
}

/**
 * Trains on the table's first `trainingRows` rows only and scores every row in order (the training rows
 * fill the trailing window), keeping the marks of the later rows: a row's mark depends on it and earlier rows.
 */
export function runExperiment(
  table: SkabTable,
  tags: readonly TagDefinition[],
  options: Partial<NormalModelOptions> = {},
  trainingRows = TRAINING_ROWS,
): ExperimentRun {
  const trained = trainNormalModel(skabFrame(table, 0, trainingRows), tags, options);
  const scorer = new CausalScorer(trained.model);
  const columns = SKAB_SIGNALS.map((s) => table.columns.get(s.column)!);
  const testRows = table.rows - trainingRows;
  const marks = new Uint8Array(testRows);
  const scores = new Float64Array(testRows);
  const topTag: string[] = [];
  const row = new Float64Array(columns.length);
  for (let r = 0; r < table.rows; r++) {
    columns.forEach((c, j) => (row[j] = c[r]!));
    const result = scorer.push(row);
    if (r < trainingRows) continue;
    marks[r - trainingRows] = result.alarm ? 1 : 0;
    scores[r - trainingRows] = result.score;
    let best = 0;
    result.contributions.forEach((z, j) => {
      if (Math.abs(z) > Math.abs(result.contributions[best]!)) best = j;
    });
    topTag.push(trained.model.tags[best]!.id);
  }
  return { trained, marks, scores, topTag };
}
