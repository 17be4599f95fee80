/** Model input windows for a whole fleet at one cycle, and for every cycle of one engine. */
import { copyWindow } from '../ml/rul/features';

/** One engine's model features, row-major [rows, F]. */
export interface EngineFeatures {
  unit: number;
  rows: number;
  data: Float32Array;
}

/** Row shown at `cycle` (1-based; null = last): engines that ended earlier show their last row. */
export function rowAtCycle(rows: number, cycle: number | null): number {
  if (cycle === null) return rows - 1;
  return Math.max(0, Math.min(rows, Math.floor(cycle)) - 1);
}

/** [engines, W, F] windows ending at each engine's row for `cycle`, written into `out` if given. */
export function fleetWindows(
  engines: readonly EngineFeatures[],
  features: number,
  windowLength: number,
  cycle: number | null,
  out = new Float32Array(engines.length * windowLength * features),
  maskChannel?: number,
): Float32Array {
  const stride = windowLength * features;
  if (out.length < engines.length * stride)
    throw new Error(`window buffer holds ${out.length} values, needs ${engines.length * stride}`);
  engines.forEach((e, i) => {
    if (e.data.length !== e.rows * features)
      throw new Error(`engine ${e.unit}: ${e.data.length} feature values for ${e.rows} rows × ${features}`);
    copyWindow(e, features, rowAtCycle(e.rows, cycle), windowLength, out, i * stride, maskChannel);
  });
  return out;
}

/** [rows, W, F]: the window ending at every cycle of one engine (its RUL trajectory). */
export function trajectoryWindows(
  engine: EngineFeatures,
  features: number,
  windowLength: number,
  maskChannel?: number,
): Float32Array {
  const stride = windowLength * features;
  const out = new Float32Array(engine.rows * stride);
  for (let r = 0; r < engine.rows; r++)
    copyWindow(engine, features, r, windowLength, out, r * stride, maskChannel);
  return out;
}
