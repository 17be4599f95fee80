import { Quality } from '../quality';
import { assertSameLength } from './reasons';

/**
 * Flags NaN and ±Infinity as `missing` and stores NaN for them, in place. Samples already flagged
 * with another reason keep it. Returns how many samples were newly flagged.
 */
export function markNonFinite(values: Float32Array, quality: Uint8Array): number {
  assertSameLength(values, quality, 'markNonFinite');
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) {
      // NaN or ±Infinity (x - x is 0 only for finite x)
      values[i] = Number.NaN;
      if (quality[i] === Quality.good || quality[i] === Quality.interpolated) {
        quality[i] = Quality.missing;
        count++;
      }
    }
  }
  return count;
}
