import { Quality } from '../quality';
import { assertSameLength } from './reasons';

export interface StuckOptions {
  /** Successive samples with |Δ| ≤ eps count as "the same value". Default 0 (exactly equal). */
  eps?: number;
  /** Shortest run of same values that counts as stuck, in samples. Default 10. */
  minRun?: number;
  /**
   * Whether the tag normally varies. A tag that is constant by nature (a setpoint, a switch) is
   * never stuck. When absent, it is judged from the column: the tag varies when at least
   * `minVaryingFraction` of its successive good pairs differ by more than eps.
   */
  normallyVaries?: boolean;
  /** Default 0.05. */
  minVaryingFraction?: number;
}

/**
 * Flags runs of at least `minRun` successive good samples whose neighbours differ by at most `eps`
 * as `stuck`, in place; values are kept (they are what the sensor reported). Runs break at samples
 * that are not good. Returns how many samples were flagged (0 when the tag does not normally vary).
 */
export function detectStuck(values: Float32Array, quality: Uint8Array, options: StuckOptions = {}): number {
  assertSameLength(values, quality, 'detectStuck');
  const eps = options.eps ?? 0;
  const minRun = options.minRun ?? 10;
  if (!Number.isInteger(minRun) || minRun < 2)
    throw new Error(`detectStuck: minRun must be an integer ≥ 2, got ${minRun}`);
  if (!(eps >= 0)) throw new Error(`detectStuck: eps must be ≥ 0, got ${eps}`);
  const n = values.length;
  const good = (i: number): boolean => {
    const q = quality[i];
    return (q === Quality.good || q === Quality.interpolated) && Number.isFinite(values[i]!);
  };

  let varies = options.normallyVaries;
  if (varies === undefined) {
    let pairs = 0;
    let moving = 0;
    for (let i = 1; i < n; i++) {
      if (!good(i) || !good(i - 1)) continue;
      pairs++;
      if (Math.abs(values[i]! - values[i - 1]!) > eps) moving++;
    }
    varies = pairs > 0 && moving >= (options.minVaryingFraction ?? 0.05) * pairs;
  }
  if (!varies) return 0;

  let count = 0;
  let runStart = -1;
  const close = (end: number): void => {
    // run is [runStart, end)
    if (runStart >= 0 && end - runStart >= minRun) {
      for (let j = runStart; j < end; j++) quality[j] = Quality.stuck;
      count += end - runStart;
    }
  };
  for (let i = 0; i < n; i++) {
    if (!good(i)) {
      close(i);
      runStart = -1;
      continue;
    }
    if (runStart >= 0 && Math.abs(values[i]! - values[i - 1]!) <= eps) continue;
    close(i);
    runStart = i;
  }
  close(n);
  return count;
}
