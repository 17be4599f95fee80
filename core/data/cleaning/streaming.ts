import type { TagDefinition } from '../../asset/schema';
import { Quality } from '../quality';

/**
 * Live-pipeline check of one sample row (one value per tag, in `tags` order): non-finite values are
 * flagged `missing`, values outside `tag.range` are flagged `outOfRange`, both set to NaN in
 * `values`; the rest are `good`. Writes every entry of `outQuality`; allocates nothing. Returns the
 * number of bad values.
 */
export function checkSample(
  values: Float32Array,
  tags: readonly TagDefinition[],
  outQuality: Uint8Array,
): number {
  const n = tags.length;
  if (values.length !== n || outQuality.length !== n)
    throw new Error(
      `checkSample: ${n} tags but ${values.length} values and ${outQuality.length} quality slots`,
    );
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v - v !== 0) {
      values[i] = Number.NaN;
      outQuality[i] = Quality.missing;
      bad++;
      continue;
    }
    const range = tags[i]!.range;
    if (v < range[0] || v > range[1]) {
      values[i] = Number.NaN;
      outQuality[i] = Quality.outOfRange;
      bad++;
    } else outQuality[i] = Quality.good;
  }
  return bad;
}
