import { Quality } from '../quality';
import { assertSameLength } from './reasons';

export interface GapOptions {
  /** Longest gap, in samples, that is filled. Longer gaps stay as they are. Default 3. */
  maxGap?: number;
  /** Sample times; when given, interpolation is linear in time rather than in sample index. */
  t?: Float64Array;
  /** Also fill samples flagged `outOfRange` (their value is NaN). Default true. */
  fillOutOfRange?: boolean;
}

/**
 * Bounded linear interpolation, in place: a run of at most `maxGap` samples flagged `missing` (and
 * `outOfRange` unless disabled) between two anchors — finite samples that are good, interpolated or
 * spike-corrected — is filled on the line between the anchors and flagged `interpolated`. Gaps at
 * either end of the column (one anchor only) and longer gaps are left missing: no extrapolation.
 * Returns how many samples were filled.
 */
export function fillGaps(values: Float32Array, quality: Uint8Array, options: GapOptions = {}): number {
  assertSameLength(values, quality, 'fillGaps');
  const maxGap = options.maxGap ?? 3;
  const t = options.t;
  const fillOutOfRange = options.fillOutOfRange ?? true;
  if (!Number.isInteger(maxGap) || maxGap < 0)
    throw new Error(`fillGaps: maxGap must be an integer ≥ 0, got ${maxGap}`);
  if (t && t.length !== values.length)
    throw new Error(`fillGaps: time column has ${t.length} samples but value column has ${values.length}`);
  const n = values.length;
  const fillable = (i: number): boolean =>
    quality[i] === Quality.missing || (fillOutOfRange && quality[i] === Quality.outOfRange);
  const anchor = (i: number): boolean => {
    const q = quality[i];
    return (
      (q === Quality.good || q === Quality.interpolated || q === Quality.spike) && Number.isFinite(values[i]!)
    );
  };
  let count = 0;
  let i = 0;
  while (i < n) {
    if (!fillable(i)) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && fillable(end)) end++;
    // gap is [i, end)
    const left = i - 1;
    const right = end;
    if (end - i <= maxGap && left >= 0 && right < n && anchor(left) && anchor(right)) {
      const v0 = values[left]!;
      const v1 = values[right]!;
      for (let j = i; j < end; j++) {
        const f = t ? (t[j]! - t[left]!) / (t[right]! - t[left]!) : (j - left) / (right - left);
        values[j] = v0 + (v1 - v0) * f;
        quality[j] = Quality.interpolated;
      }
      count += end - i;
    }
    i = end;
  }
  return count;
}
