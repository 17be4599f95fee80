/**
 * Colormap positions (0..1) of fleet values; the renderer looks them up in viridis. 1 is the alarm
 * end (bright yellow): short remaining life or a large deviation. NaN means "no value": grey.
 */

/** Deviation (RMS z-score) shown at the alarm end of the colormap. */
export const ANOMALY_FULL_SCALE = 4;

export function rulColorPosition(rul: number | null, rulCap: number): number {
  if (rul === null || !Number.isFinite(rul) || !(rulCap > 0)) return Number.NaN;
  return 1 - Math.min(1, Math.max(0, rul / rulCap));
}

export function anomalyColorPosition(anomaly: number): number {
  if (!Number.isFinite(anomaly)) return Number.NaN;
  return Math.min(1, Math.max(0, anomaly / ANOMALY_FULL_SCALE));
}

/**
 * Writes the color of each engine (display order) as linear RGB into `out` (3 floats each) from a
 * 256-entry lookup table, grey where the position is NaN. Allocation-free: runs every tick.
 */
export function writeInstanceColors(
  positions: ArrayLike<number>,
  lut: Float32Array,
  grey: readonly [number, number, number],
  out: Float32Array,
): void {
  const last = lut.length / 3 - 1;
  for (let i = 0; i < positions.length; i++) {
    const t = positions[i]!;
    if (Number.isNaN(t)) {
      out[i * 3] = grey[0];
      out[i * 3 + 1] = grey[1];
      out[i * 3 + 2] = grey[2];
      continue;
    }
    const k = Math.round(Math.min(1, Math.max(0, t)) * last) * 3;
    out[i * 3] = lut[k]!;
    out[i * 3 + 1] = lut[k + 1]!;
    out[i * 3 + 2] = lut[k + 2]!;
  }
}
