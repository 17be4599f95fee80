/**
 * A normal-behaviour model of the SKAB testbed, trained on the first rows of a SKAB experiment file, scored
 * on the rest of that file against its `anomaly` labels (the benchmark's protocol, one file).
 */
import path from 'node:path';
import { SKAB_SIGNALS } from '../../core/data/skab/signals';
import { countDetections, detectionFigures, firstDetectionDelay } from '../../core/ml/metrics';
import { CausalScorer, type NormalModelCard } from '../../core/ml/normal';
import { readExperiment } from '../lib/skab-experiments';

export interface SkabCardCheck {
  testRows: number;
  f1: number;
  farPercent: number;
  marPercent: number;
  /** Rows from the labelled onset to the first true alarm; null when never detected. */
  delay: number | null;
}

/** SKAB's datetime cells have no zone; the history import reads them as UTC, and so does this. */
const epochMs = (datetime: string) => Date.parse(`${datetime.replace(' ', 'T')}Z`);

/**
 * Scores the card's model on the file it was trained on, from its first training row; the rows after the
 * training span are the test rows. Throws naming the file when it is not a SKAB experiment or the card's
 * tags are not SKAB's.
 */
export function checkSkabCard(card: NormalModelCard, file: string): SkabCardCheck {
  const data = card.training.data;
  if (!data) throw new Error('the card does not record its training span');
  const experiment = readExperiment(path.dirname(file), path.basename(file));
  const { table, labels } = experiment;
  const columns = card.model.tags.map((t) => {
    const signal = SKAB_SIGNALS.find((s) => s.tagId === t.id);
    if (!signal) throw new Error(`tag "${t.id}" of the model is not a SKAB testbed signal`);
    return table.columns.get(signal.column)!;
  });
  const times = table.datetime.map(epochMs);
  const first = times.findIndex((t) => t >= data.fromMs);
  const testFrom = times.findIndex((t) => t > data.toMs);
  if (first < 0 || testFrom < 0) throw new Error(`${file} has no rows after the training span`);
  const scorer = new CausalScorer(card.model);
  const row = new Float64Array(columns.length);
  const marks = new Uint8Array(table.rows - testFrom);
  for (let r = first; r < table.rows; r++) {
    columns.forEach((c, j) => (row[j] = c[r]!));
    const { alarm } = scorer.push(row);
    if (r >= testFrom) marks[r - testFrom] = alarm ? 1 : 0;
  }
  const testLabels = labels.subarray(testFrom);
  const figures = detectionFigures(countDetections(marks, testLabels));
  return { testRows: marks.length, ...figures, delay: firstDetectionDelay(marks, testLabels) };
}
