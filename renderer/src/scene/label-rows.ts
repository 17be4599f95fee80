import { alarmDistance } from '../../../core/asset/alarm-distance';
import type { TagDefinition } from '../../../core/asset/schema';

/**
 * The tags a part's label shows, as asset tag indices: its key tags, except that when another of the part's
 * tags is further from normal than every key tag, that one takes the first row (the last key tag makes room).
 * So a label always shows the part's worst tag: the envelope in alarm, not the normal temperature beside it.
 */
export function labelTagIndices(
  keys: readonly number[],
  partTags: ArrayLike<number>,
  tags: readonly TagDefinition[],
  values: ArrayLike<number>,
): number[] {
  const distance = (i: number) => {
    const tag = tags[i];
    const d = tag ? alarmDistance(tag, values[i] ?? Number.NaN) : Number.NaN;
    return Number.isFinite(d) ? d : 0;
  };
  let worst = -1;
  let worstDistance = 0;
  for (let k = 0; k < partTags.length; k++) {
    const i = partTags[k] ?? -1;
    const d = distance(i);
    if (d > worstDistance) {
      worst = i;
      worstDistance = d;
    }
  }
  if (worst < 0 || keys.includes(worst) || keys.some((k) => distance(k) >= worstDistance)) return [...keys];
  return [worst, ...keys.slice(0, Math.max(0, keys.length - 1))];
}

/** Whether a value lies outside its tag's normal band: its label row is emphasised (ISA-101: abnormal stands out). */
export const isAbnormal = (tag: TagDefinition, value: number): boolean => alarmDistance(tag, value) > 0;
