import type { TelemetryRing } from './telemetry-ring';

/**
 * The ring resampled onto a grid of `steps` times ending at `endTime`, `periodMs` apart: row-major
 * [steps, tags] raw values, each the newest finite sample at or before its grid time and within one period
 * of it; NaN where there is none (before the history starts, gaps), which the model's cleaning turns into
 * mask 0. Quality flags are not applied here: the model's own pipeline (core/ml/pump pumpFrame) cleans the
 * raw values exactly as in training. Walks the ring once, newest to oldest.
 */
export function resampleRing(
  ring: TelemetryRing,
  endTime: number,
  steps: number,
  periodMs: number,
): Float32Array {
  const T = ring.tagCount;
  const out = new Float32Array(steps * T).fill(Number.NaN);
  let slot = ring.written - 1;
  const oldest = ring.written - ring.size;
  for (let r = steps - 1; r >= 0; r--) {
    const gridTime = endTime - (steps - 1 - r) * periodMs;
    while (slot >= oldest && (ring.times[slot % ring.capacity] ?? Infinity) > gridTime) slot--;
    if (slot < oldest) break;
    // Per tag, the newest finite sample in (gridTime − period, gridTime].
    for (let k = 0; k < T; k++) {
      const values = ring.values[k]!;
      for (let s = slot; s >= oldest; s--) {
        const i = s % ring.capacity;
        if ((ring.times[i] ?? -Infinity) <= gridTime - periodMs) break;
        const v = values[i]!;
        if (Number.isFinite(v)) {
          out[r * T + k] = v;
          break;
        }
      }
    }
  }
  return out;
}
