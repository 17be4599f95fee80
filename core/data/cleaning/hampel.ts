import { Quality } from '../quality';
import { assertSameLength } from './reasons';

export interface HampelOptions {
  /** Samples on each side of the centre; the window holds 2·halfWindow + 1 samples. Default 5. */
  halfWindow?: number;
  /** Robust z-score above which a sample is a spike. Default 3. */
  threshold?: number;
  /**
   * Floor on the robust scale (1.4826·MAD), in the column's unit. Windows whose scale is 0 after the
   * floor (flat or heavily quantized data) are not judged, so a level change never passes for a
   * spike. Default 0.
   */
  minScale?: number;
  /** Fewest good neighbours (centre excluded) a window needs to judge its centre. Default 3. */
  minNeighbours?: number;
}

/** 1.4826·MAD estimates the standard deviation of normally distributed data. */
const MAD_TO_SIGMA = 1.4826;

function medianOf(buf: Float64Array, n: number): number {
  const s = buf.subarray(0, n).sort();
  const h = n >> 1;
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * Hampel filter, in place: for each good sample, the median `m` and scaled MAD `S` of the good,
 * finite samples in the window around it (its own value included; windows are cut at the ends) give
 * a robust z-score |x − m| / S. Samples above `threshold` are flagged `spike` and replaced by `m`.
 * Windows are judged on the input values, so a replaced spike does not shift later windows.
 * Samples with another reason are neither judged nor used. Returns how many samples were flagged.
 */
export function hampelFilter(values: Float32Array, quality: Uint8Array, options: HampelOptions = {}): number {
  assertSameLength(values, quality, 'hampelFilter');
  const k = options.halfWindow ?? 5;
  const threshold = options.threshold ?? 3;
  const minScale = options.minScale ?? 0;
  const minNeighbours = options.minNeighbours ?? 3;
  if (!Number.isInteger(k) || k < 1)
    throw new Error(`hampelFilter: halfWindow must be an integer ≥ 1, got ${k}`);
  if (!(threshold > 0)) throw new Error(`hampelFilter: threshold must be positive, got ${threshold}`);
  const n = values.length;
  const original = values.slice();
  const usable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const q = quality[i];
    usable[i] = (q === Quality.good || q === Quality.interpolated) && Number.isFinite(original[i]!) ? 1 : 0;
  }
  const win = new Float64Array(2 * k + 1);
  const dev = new Float64Array(2 * k + 1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!usable[i]) continue;
    let m = 0;
    const lo = Math.max(0, i - k);
    const hi = Math.min(n - 1, i + k);
    for (let j = lo; j <= hi; j++) if (usable[j]) win[m++] = original[j]!;
    if (m - 1 < minNeighbours) continue;
    const median = medianOf(win, m);
    for (let j = 0; j < m; j++) dev[j] = Math.abs(win[j]! - median);
    const scale = Math.max(MAD_TO_SIGMA * medianOf(dev, m), minScale);
    if (scale <= 0) continue;
    if (Math.abs(original[i]! - median) > threshold * scale) {
      values[i] = median;
      quality[i] = Quality.spike;
      count++;
    }
  }
  return count;
}
