/**
 * The live health model's grid: `rows` one-minute rows ending at the ring's newest sample. The last
 * WINDOW_LENGTH rows are the ring resampled (as always); older rows, which the ring (about an hour) does not
 * hold, come from the history store's grid by time. Where neither has a row, values are NaN (the model's
 * cleaning masks them, and the long baseline reports itself unavailable).
 */
import type { HistoryGrid } from '../../../core/api/domains/history';
import type { AssetDefinition } from '../../../core/asset/schema';
import { PUMP_CONTROLS, SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../../core/ml/pump/spec';
import { gridArrays } from './replay-window';
import { resampleRing } from './ring-window';
import type { TelemetryRing } from './telemetry-ring';

const STEP_MS = SAMPLE_PERIOD_S * 1000;

export interface LiveGrid {
  /** [rows, asset tags] raw values in asset tag order, NaN where missing. */
  values: Float32Array;
  /** [rows, PUMP_CONTROLS]: recorded setpoints for the history store's rows, the current ones elsewhere. */
  setpoints: Float32Array;
}

export function liveHistoryGrid(
  ring: TelemetryRing,
  asset: AssetDefinition,
  controls: Readonly<Record<string, number>>,
  rows: number,
  history: HistoryGrid | null,
): LiveGrid {
  if (rows < WINDOW_LENGTH)
    throw new Error(`live grid: ${rows} rows, the model's window needs ${WINDOW_LENGTH}`);
  const n = asset.tags.length;
  const C = PUMP_CONTROLS.length;
  const values = new Float32Array(rows * n).fill(Number.NaN);
  const setpoints = new Float32Array(rows * C);
  // Setpoint history is not kept in the ring; the current setpoints stand for every row without a record.
  PUMP_CONTROLS.forEach((id, j) => {
    for (let r = 0; r < rows; r++) setpoints[r * C + j] = controls[id] ?? Number.NaN;
  });
  if (history && history.stepMs === STEP_MS && history.values.length > 0) {
    const stored = gridArrays(history, asset, controls, history.values[0]!.length);
    const storedRows = stored.values.length / n;
    // Row r of the history grid lies `shift` rows before row r of this grid's end-aligned copy.
    const shift = Math.round((ring.lastTime - history.to) / STEP_MS);
    for (let r = 0; r < storedRows; r++) {
      const target = rows - storedRows + r - shift;
      if (target < 0 || target >= rows - WINDOW_LENGTH) continue;
      values.set(stored.values.subarray(r * n, (r + 1) * n), target * n);
      setpoints.set(stored.setpoints.subarray(r * C, (r + 1) * C), target * C);
    }
  }
  const window = resampleRing(ring, ring.lastTime, WINDOW_LENGTH, STEP_MS);
  values.set(window, (rows - WINDOW_LENGTH) * n);
  return { values, setpoints };
}
