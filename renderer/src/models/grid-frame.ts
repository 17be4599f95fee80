/**
 * Raw samples already on the health model's one-minute grid → the cleaned frame training builds
 * (core/ml/pump pumpFrame), shared by the window (live ring, replay) and the long baseline's reference
 * (history store).
 */
import type { AssetDefinition } from '../../../core/asset/schema';
import type { SampleFrame } from '../../../core/data/frame';
import { pumpFrame } from '../../../core/ml/pump/features';
import { PUMP_CONTROLS, PUMP_TAGS, SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../../core/ml/pump/spec';

/**
 * `grid` is [rows, asset tags] (asset tag order, NaN where missing, rows ≥ WINDOW_LENGTH one sample period
 * apart), `setpoints` [rows, PUMP_CONTROLS], the last row at `endTime` (ms).
 */
export function gridFrame(
  grid: Float32Array,
  setpoints: Float32Array,
  asset: AssetDefinition,
  endTime: number,
): SampleFrame {
  const tagCount = asset.tags.length;
  const rows = grid.length / tagCount;
  if (!Number.isInteger(rows) || rows < WINDOW_LENGTH)
    throw new Error(
      `health batch: a grid of ${grid.length} values is not ${WINDOW_LENGTH} or more rows of ${tagCount} tags`,
    );
  const C = PUMP_CONTROLS.length;
  if (setpoints.length !== rows * C)
    throw new Error(`health batch: ${setpoints.length} setpoints for ${rows} rows of ${C} controls`);
  const assetIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
  const T = PUMP_TAGS.length;
  const tags = new Float32Array(rows * T).fill(Number.NaN);
  PUMP_TAGS.forEach((id, j) => {
    const k = assetIndex.get(id);
    if (k === undefined) return;
    for (let r = 0; r < rows; r++) tags[r * T + j] = grid[r * tagCount + k]!;
  });
  const t0 = endTime / 1000 - (rows - 1) * SAMPLE_PERIOD_S;
  return pumpFrame(tags, setpoints, rows, asset.tags, t0);
}
