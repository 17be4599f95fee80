import type { TagDefinition } from '../../asset/schema';
import type { SampleFrame } from '../../data/frame';
import type { NormalModel, NormalTagModel } from './model';
import type { NormalModelOptions } from './options';
import { runSteps, type Steps } from './steps';
import { effectiveSamples, tagStatisticsSteps } from './tag-statistics';

/** Rows [start, end) of a cleaned frame, as one model tag per frame column. */
export function fitTagModels(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  start: number,
  end: number,
  maxLag: number,
): NormalTagModel[] {
  return runSteps(fitTagModelsSteps(frame, tags, start, end, maxLag));
}

/** fitTagModels, pausing inside each tag's statistics. */
function* fitTagModelsSteps(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  start: number,
  end: number,
  maxLag: number,
): Steps<NormalTagModel[]> {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const models: NormalTagModel[] = [];
  for (const [j, id] of frame.tagIds.entries()) {
    const definition = byId.get(id);
    if (!definition) throw new Error(`normal-behaviour model: column "${id}" has no tag definition`);
    const stats = yield* tagStatisticsSteps(frame.values[j]!.subarray(start, end), maxLag);
    const scored = stats.samples >= 2 && stats.sd > 0;
    models.push({
      id,
      unit: definition.unit,
      range: [definition.range[0], definition.range[1]],
      mean: scored ? stats.mean : 0,
      sd: scored ? stats.sd : 0,
      autocorrelationRows: scored ? stats.autocorrelationRows : 1,
      dof: scored ? effectiveSamples(stats) - 1 : 1,
      scored,
    });
  }
  return models;
}

/** A model of the rows [start, end) of a cleaned frame, with the given threshold. */
export function fitNormalModel(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  options: NormalModelOptions,
  rows: { start: number; end: number },
  threshold: number,
): NormalModel {
  return runSteps(fitNormalModelSteps(frame, tags, options, rows, threshold));
}

/** fitNormalModel, pausing between pieces of work (see steps.ts). */
export function* fitNormalModelSteps(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  options: NormalModelOptions,
  rows: { start: number; end: number },
  threshold: number,
): Steps<NormalModel> {
  const hampel = options.hampel
    ? { halfWindow: options.hampel.halfWindow ?? 5, threshold: options.hampel.threshold ?? 3 }
    : null;
  return {
    tags: yield* fitTagModelsSteps(frame, tags, rows.start, rows.end, options.maxLag),
    trainingRows: rows.end - rows.start,
    windowRows: options.windowRows,
    levelWander: options.levelWander,
    threshold,
    persistence: { ...options.persistence },
    hampel,
  };
}
