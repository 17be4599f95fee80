/**
 * The health model's input at a replay playhead: the history window (state/replay-window) turned into the
 * model batch by the same code as live (healthBatchFromGrid).
 */
import type { HistoryGrid } from '../../../core/api/domains/history';
import type { AssetDefinition } from '../../../core/asset/schema';
import type { TensorData } from '../inference/inference-api';
import type { HealthModelInputs } from '../models/health-inputs';
import { gridArrays, MIN_HISTORY_MINUTES, REPLAY_BASELINE_GRID, REPLAY_GRID } from '../state/replay-window';
import { healthBatchFromGrid } from '../models/pump-health';

/** The history grid the model needs at a playhead: its window, and the hours before for a long baseline. */
export const replayGridOf = (model: HealthModelInputs): typeof REPLAY_GRID | typeof REPLAY_BASELINE_GRID =>
  model.inputCount > 1 ? REPLAY_BASELINE_GRID : REPLAY_GRID;

export type ReplayWindow =
  | { kind: 'input'; inputs: TensorData[]; minutesWithData: number }
  | { kind: 'not-enough-history'; minutesWithData: number };

/**
 * The model batch for the grid (of replayGridOf(model)'s rows), or 'not-enough-history' when fewer than
 * MIN_HISTORY_MINUTES of the window's rows hold a sample of any model tag. Setpoints come from the recorded changes; where none was ever recorded,
 * the current setpoint stands in (as in the live loop).
 */
export function replayHealthInput(
  grid: HistoryGrid,
  asset: AssetDefinition,
  currentControls: Record<string, number>,
  model: HealthModelInputs,
  occlude: boolean,
): ReplayWindow {
  const steps = replayGridOf(model).steps;
  const { values, setpoints, minutesWithData } = gridArrays(grid, asset, currentControls, steps);
  if (minutesWithData < MIN_HISTORY_MINUTES) return { kind: 'not-enough-history', minutesWithData };
  const inputs = healthBatchFromGrid(values, setpoints, asset, grid.to, model, occlude);
  return { kind: 'input', inputs, minutesWithData };
}
