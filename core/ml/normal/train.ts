import type { TagDefinition } from '../../asset/schema';
import { cleanFrame, type CleanOptions, type ReasonCounts } from '../../data/cleaning';
import type { SampleFrame } from '../../data/frame';
import { fitNormalModelSteps } from './fit';
import { heldOutAlarmsSteps, type HeldOutAlarms } from './held-out-alarms';
import { scoredTagIds, type NormalModel } from './model';
import { enoughTrainingRows, minimumTrainingRows, resolveOptions, type NormalModelOptions } from './options';
import { CausalScorer } from './scorer';
import { ROWS_PER_PAUSE, runSteps, type Steps } from './steps';
import { budgetLevel, heldOutInflation } from './threshold';

/** What training did, for the model card. */
export interface NormalTrainingReport {
  rows: number;
  /** Rows the calibration model was fitted on, and the later rows held out to calibrate the threshold. */
  fitRows: number;
  heldOutRows: number;
  /** What core/data/cleaning did to the training rows, per tag. */
  cleaning: Record<string, ReasonCounts>;
  /** Score level for the false-alarm budget, the held-out inflation, and their product: the threshold. */
  budgetLevel: number;
  heldOutInflation: number;
  threshold: number;
  /** Alarms the calibration model raises with the final threshold on the held-out rows (all false). */
  heldOutAlarms: HeldOutAlarms;
  /** Tags left out of the score because they never moved in training. */
  unscoredTags: string[];
  options: NormalModelOptions;
}

/** Training progress: the share done (0…1, rising) and the step just finished, in words. */
export type NormalTrainingProgress = (fraction: number, step: string) => void;

export interface TrainedNormalModel {
  model: NormalModel;
  report: NormalTrainingReport;
}

/** One row of a frame, tag-major columns read across. */
const rowOf = (frame: SampleFrame, r: number): Float64Array =>
  Float64Array.from(frame.values, (column) => column[r]!);

/**
 * Learns normal behaviour from `frame` (rows of normal running only; one column per tag, matched to `tags`
 * by id):
 * 1. cleans the rows with core/data/cleaning (non-finite and out-of-range → missing, Hampel spikes, short
 *    gaps interpolated; stuck detection off: a quantised tag sits on one value for long runs when healthy);
 * 2. fits a model on the first `fitShare` of the rows and scores the rest causally, from the raw rows as
 *    live scoring would see them: how much worse those held-out rows look than the model expects is the
 *    held-out inflation;
 * 3. fits the final model on all rows, with threshold = budget level × held-out inflation.
 * `onProgress` hears the share done after each step (the fits, which scan every lag, take most of the time).
 */
export function trainNormalModel(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  options: Partial<NormalModelOptions> = {},
  onProgress: NormalTrainingProgress = () => {},
): TrainedNormalModel {
  return runSteps(trainNormalModelSteps(frame, tags, options, onProgress));
}

/**
 * trainNormalModel as steps that pause every fraction of a millisecond of work (see steps.ts), for a caller
 * that must stay responsive while it trains (the inference worker, whose Cancel is a message).
 */
export function* trainNormalModelSteps(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  options: Partial<NormalModelOptions> = {},
  onProgress: NormalTrainingProgress = () => {},
): Steps<TrainedNormalModel> {
  const o = resolveOptions(options);
  const n = frame.t.length;
  const fitRows = Math.round(n * o.fitShare);
  if (!enoughTrainingRows(n, o))
    throw new Error(
      `normal-behaviour model: ${n} training rows are too few for a ${o.windowRows}-row window ` +
        `(need at least ${minimumTrainingRows(o)}: ${2 * o.windowRows} to fit on and one held out)`,
    );
  const { frame: cleaned, perTag } = yield* cleanByTag(frame, tags, {
    stuck: false,
    hampel: o.hampel,
    gaps: { maxGap: o.maxGap },
  });
  onProgress(0.1, 'cleaned');

  const calibrationModel = yield* fitNormalModelSteps(
    cleaned,
    tags,
    o,
    { start: 0, end: fitRows },
    Number.POSITIVE_INFINITY,
  );
  onProgress(0.4, 'fitted the calibration model');
  const scored = new Set(scoredTagIds(calibrationModel));
  const scorer = new CausalScorer(calibrationModel);
  const heldOut: number[] = [];
  for (let r = 0; r < n; r++) {
    if (r % ROWS_PER_PAUSE === 0) yield;
    const { contributions } = scorer.push(rowOf(frame, r));
    if (r < fitRows) continue;
    calibrationModel.tags.forEach((t, j) => {
      if (scored.has(t.id)) heldOut.push(contributions[j]!);
    });
  }
  const inflation = heldOutInflation(heldOut);
  onProgress(0.5, 'calibrated the threshold on the held-out rows');

  const model = yield* fitNormalModelSteps(cleaned, tags, o, { start: 0, end: n }, Number.NaN);
  const level = budgetLevel({
    scoredTags: scoredTagIds(model).length,
    windowRows: o.windowRows,
    sampleRateHz: o.sampleRateHz,
    falseAlarmsPerDay: o.falseAlarmsPerDay,
  });
  model.threshold = level * inflation;
  onProgress(0.9, 'fitted the final model');
  const heldOutCheck = yield* heldOutAlarmsSteps(
    { ...calibrationModel, threshold: model.threshold },
    frame,
    fitRows,
    o.sampleRateHz,
  );
  onProgress(1, 'counted false alarms on the held-out rows');
  return {
    model,
    report: {
      rows: n,
      fitRows,
      heldOutRows: n - fitRows,
      cleaning: perTag,
      budgetLevel: level,
      heldOutInflation: inflation,
      threshold: model.threshold,
      heldOutAlarms: heldOutCheck,
      unscoredTags: model.tags.filter((t) => !t.scored).map((t) => t.id),
      options: o,
    },
  };
}

/** cleanFrame one column at a time, pausing between columns (a day of one tag is a few milliseconds). */
function* cleanByTag(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  options: CleanOptions,
): Steps<{ frame: SampleFrame; perTag: Record<string, ReasonCounts> }> {
  const cleaned: SampleFrame = { t: frame.t, tagIds: frame.tagIds, values: [], quality: [] };
  const perTag: Record<string, ReasonCounts> = {};
  for (const [j, id] of frame.tagIds.entries()) {
    yield;
    const column: SampleFrame = {
      t: frame.t,
      tagIds: [id],
      values: [frame.values[j]!],
      quality: [frame.quality[j]!],
    };
    const { frame: out, report } = cleanFrame(column, tags, options);
    cleaned.values.push(out.values[0]!);
    cleaned.quality.push(out.quality[0]!);
    perTag[id] = report.perTag[id]!;
  }
  return { frame: cleaned, perTag };
}
