import type { TagDefinition } from '../../asset/schema';
import { assertFrame, cloneFrame, type SampleFrame } from '../frame';
import { fillGaps, type GapOptions } from './gaps';
import { hampelFilter, type HampelOptions } from './hampel';
import { markNonFinite } from './non-finite';
import { checkRange } from './range';
import { emptyReasonCounts, type ReasonCounts } from './reasons';
import { detectStuck, type StuckOptions } from './stuck';
import { convertColumn } from './units';

export interface CleanOptions {
  /** Unit each column arrives in, by tag id; columns not listed are already in the tag's unit. */
  sourceUnits?: Readonly<Record<string, string>>;
  /** Stuck-sensor detection, or false to skip it. */
  stuck?: StuckOptions | false;
  /** Hampel spike filter, or false to skip it. */
  hampel?: HampelOptions | false;
  /** Gap filling (the frame's `t` is used for time-linear interpolation), or false to skip it. */
  gaps?: Omit<GapOptions, 't'> | false;
}

export interface CleaningReport {
  /** Samples flagged by each step, per tag. A sample filled after being flagged missing counts under both. */
  perTag: Record<string, ReasonCounts>;
}

export interface CleanResult {
  frame: SampleFrame;
  report: CleaningReport;
}

/**
 * Cleans a copy of `frame` column by column, in this order:
 * 1. unit conversion to the tag's unit (`sourceUnits`);
 * 2. non-finite → `missing`;
 * 3. outside `tag.range` → `outOfRange` (NaN);
 * 4. stuck runs → `stuck` (skipped for tags whose `normal` band is a single value, which do not vary);
 * 5. Hampel filter → `spike`, replaced by the window median;
 * 6. bounded linear interpolation of short gaps → `interpolated`.
 * Range comes before the statistical steps so impossible values never enter a median; stuck comes
 * before Hampel so a flat run is not read as a quiet window. `tags` are matched to columns by id;
 * a column without a definition is an error. The input frame is not modified.
 */
export function cleanFrame(
  frame: SampleFrame,
  tags: readonly TagDefinition[],
  options: CleanOptions = {},
): CleanResult {
  assertFrame(frame);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out = cloneFrame(frame);
  const perTag: Record<string, ReasonCounts> = {};
  out.tagIds.forEach((id, i) => {
    const tag = byId.get(id);
    if (!tag) throw new Error(`cleanFrame: column "${id}" has no tag definition`);
    const values = out.values[i]!;
    const quality = out.quality[i]!;
    const counts = emptyReasonCounts();
    const from = options.sourceUnits?.[id];
    if (from !== undefined) convertColumn(values, from, tag.unit, id);
    counts.missing += markNonFinite(values, quality);
    counts.outOfRange += checkRange(values, quality, tag.range);
    if (options.stuck !== false) {
      const stuckOptions: StuckOptions = { ...options.stuck };
      if (tag.normal[0] === tag.normal[1]) stuckOptions.normallyVaries = false;
      counts.stuck += detectStuck(values, quality, stuckOptions);
    }
    if (options.hampel !== false) counts.spike += hampelFilter(values, quality, options.hampel);
    if (options.gaps !== false)
      counts.interpolated += fillGaps(values, quality, { ...options.gaps, t: out.t });
    perTag[id] = counts;
  });
  return { frame: out, report: { perTag } };
}
