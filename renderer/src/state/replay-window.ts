/**
 * A model input window at a replay playhead, from the history store: WINDOW_LENGTH one-minute rows ending
 * at the playhead (resampled in SQL by `historyGrid`, the same rule as the live loop's resampleRing), or
 * BASELINE_HISTORY_ROWS for a health model that also takes the long baseline of the hours before.
 */
import type { HistoryGrid } from '../../../core/api/domains/history';
import type { AssetDefinition } from '../../../core/asset/schema';
import { BASELINE_HISTORY_ROWS } from '../../../core/ml/pump/baseline';
import { PUMP_CONTROLS, PUMP_TAGS, SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../../core/ml/pump/spec';

/** The grid the model needs: WINDOW_LENGTH rows, one sample period apart. */
export const REPLAY_GRID = { steps: WINDOW_LENGTH, stepMs: SAMPLE_PERIOD_S * 1000 } as const;

/** The grid a health model with a long-baseline input needs: its window and the hours before it. */
export const REPLAY_BASELINE_GRID = { steps: BASELINE_HISTORY_ROWS, stepMs: SAMPLE_PERIOD_S * 1000 } as const;

/** Minutes of history the window must hold, as the live loop waits for before its first prediction. */
export const MIN_HISTORY_MINUTES = (WINDOW_LENGTH * SAMPLE_PERIOD_S) / 60 / 2;

/** A history grid as the model pipeline's arrays, and how many of its rows hold a model tag's sample. */
export interface GridArrays {
  /** [steps, asset tags] raw values in asset tag order, NaN where missing. */
  values: Float32Array;
  /** [steps, PUMP_CONTROLS]: the recorded setpoints, the current one where none was recorded. */
  setpoints: Float32Array;
  /** Rows of the model's window (the last WINDOW_LENGTH) that hold a sample of a model tag. */
  minutesWithData: number;
}

/** The arrays of a grid of `steps` rows (WINDOW_LENGTH unless the model also reads the hours before). */
export function gridArrays(
  grid: HistoryGrid,
  asset: AssetDefinition,
  currentControls: Readonly<Record<string, number>>,
  steps = WINDOW_LENGTH,
): GridArrays {
  if (grid.values.some((column) => column.length !== steps))
    throw new Error(`history grid has ${grid.values[0]?.length ?? 0} rows, the models need ${steps}`);
  const n = asset.tags.length;
  const values = new Float32Array(steps * n).fill(Number.NaN);
  const column = new Map(grid.tagIds.map((id, j) => [id, grid.values[j]!]));
  asset.tags.forEach((t, k) => {
    const v = column.get(t.id);
    if (v) for (let r = 0; r < steps; r++) values[r * n + k] = v[r] ?? Number.NaN;
  });
  const modelTags = PUMP_TAGS.map((id) => column.get(id));
  let minutesWithData = 0;
  for (let r = Math.max(0, steps - WINDOW_LENGTH); r < steps; r++)
    if (modelTags.some((v) => v?.[r] !== null && v?.[r] !== undefined)) minutesWithData++;
  const C = PUMP_CONTROLS.length;
  const setpoints = new Float32Array(steps * C);
  PUMP_CONTROLS.forEach((id, j) => {
    const recorded = grid.setpoints[id];
    for (let r = 0; r < steps; r++) setpoints[r * C + j] = recorded?.[r] ?? currentControls[id] ?? Number.NaN;
  });
  return { values, setpoints, minutesWithData };
}
