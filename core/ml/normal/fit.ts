import type { TagDefinition } from '../../asset/schema';
import type { SampleFrame } from '../../data/frame';
import type { NormalModel, NormalTagModel } from './model';
import type { NormalModelOptions } from './options';
import { effectiveSamples, tagStatistics } from './tag-statistics';

/** Rows [start, end) of a cleaned frame, as one model tag per frame column. */
export function fitTagModels(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  start: number,
  end: number,
  maxLag: number,
): NormalTagModel[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  return frame.tagIds.map((id, j) => {
    const definition = byId.get(id);
    if (!definition) throw new Error(`normal-behaviour model: column "${id}" has no tag definition`);
    const stats = tagStatistics(frame.values[j]!.subarray(start, end), maxLag);
    const scored = stats.samples >= 2 && stats.sd > 0;
    return {
      id,
      unit: definition.unit,
      range: [definition.range[0], definition.range[1]],
      mean: scored ? stats.mean : 0,
      sd: scored ? stats.sd : 0,
      autocorrelationRows: scored ? stats.autocorrelationRows : 1,
      dof: scored ? effectiveSamples(stats) - 1 : 1,
      scored,
    };
  });
}

/** A model of the rows [start, end) of a cleaned frame, with the given threshold. */
export function fitNormalModel(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  options: NormalModelOptions,
  rows: { start: number; end: number },
  threshold: number,
): NormalModel {
  const hampel = options.hampel
    ? { halfWindow: options.hampel.halfWindow ?? 5, threshold: options.hampel.threshold ?? 3 }
    : null;
  return {
    tags: fitTagModels(frame, tags, rows.start, rows.end, options.maxLag),
    trainingRows: rows.end - rows.start,
    windowRows: options.windowRows,
    levelWander: options.levelWander,
    threshold,
    persistence: { ...options.persistence },
    hampel,
  };
}
