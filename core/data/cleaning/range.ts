import { Quality } from '../quality';
import { assertSameLength } from './reasons';

/**
 * Flags finite values outside the sensor's physical span `[low, high]` (inclusive bounds are valid)
 * as `outOfRange` and replaces them by NaN, in place. Only samples still good (or interpolated) are
 * judged. Returns how many samples were flagged.
 */
export function checkRange(
  values: Float32Array,
  quality: Uint8Array,
  range: readonly [number, number],
): number {
  assertSameLength(values, quality, 'checkRange');
  const [low, high] = range;
  if (!(low <= high)) throw new Error(`checkRange: range low ${low} is above high ${high}`);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const q = quality[i];
    if (q !== Quality.good && q !== Quality.interpolated) continue;
    const v = values[i]!;
    if (v < low || v > high) {
      values[i] = Number.NaN;
      quality[i] = Quality.outOfRange;
      count++;
    }
  }
  return count;
}
