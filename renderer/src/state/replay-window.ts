/**
 * A model input window at a replay playhead, from the history store: WINDOW_LENGTH one-minute rows ending
 * at the playhead (resampled in SQL by `historyGrid`, the same rule as the live loop's resampleRing).
 */
import type { HistoryGrid } from '../../../core/api/domains/history';
import type { AssetDefinition } from '../../../core/asset/schema';
import { PUMP_CONTROLS, PUMP_TAGS, SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../../core/ml/pump/spec';

/** The grid the model needs: WINDOW_LENGTH rows, one sample period apart. */
export const REPLAY_GRID = { steps: WINDOW_LENGTH, stepMs: SAMPLE_PERIOD_S * 1000 } as const;

/** Minutes of history the window must hold, as the live loop waits for before its first prediction. */
export const MIN_HISTORY_MINUTES = (WINDOW_LENGTH * SAMPLE_PERIOD_S) / 60 / 2;

/** A history grid as the model pipeline's arrays, and how many of its rows hold a model tag's sample. */
export interface GridArrays {
  /** [WINDOW_LENGTH, asset tags] raw values in asset tag order, NaN where missing. */
  values: Float32Array;
  /** [WINDOW_LENGTH, PUMP_CONTROLS]: the recorded setpoints, the current one where none was recorded. */
  setpoints: Float32Array;
  minutesWithData: number;
}

export function gridArrays(
  grid: HistoryGrid,
  asset: AssetDefinition,
  currentControls: Readonly<Record<string, number>>,
): GridArrays {
  const steps = WINDOW_LENGTH;
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
  for (let r = 0; r < steps; r++)
    if (modelTags.some((v) => v?.[r] !== null && v?.[r] !== undefined)) minutesWithData++;
  const C = PUMP_CONTROLS.length;
  const setpoints = new Float32Array(steps * C);
  PUMP_CONTROLS.forEach((id, j) => {
    const recorded = grid.setpoints[id];
    for (let r = 0; r < steps; r++) setpoints[r * C + j] = recorded?.[r] ?? currentControls[id] ?? Number.NaN;
  });
  return { values, setpoints, minutesWithData };
}
