/**
 * The health model's input at a replay playhead: the history window (state/replay-window) turned into the
 * model batch by the same code as live (healthBatchFromGrid).
 */
import type { HistoryGrid } from '../../../core/api/domains/history';
import type { AssetDefinition } from '../../../core/asset/schema';
import type { NormalizationStats } from '../../../core/data/normalization';
import type { TensorData } from '../inference/inference-api';
import { gridArrays, MIN_HISTORY_MINUTES } from '../state/replay-window';
import { healthBatchFromGrid } from '../models/pump-health';

export type ReplayWindow =
  | { kind: 'input'; input: TensorData; minutesWithData: number }
  | { kind: 'not-enough-history'; minutesWithData: number };

/**
 * The model batch for the grid, or 'not-enough-history' when fewer than MIN_HISTORY_MINUTES of its rows
 * hold a sample of any model tag. Setpoints come from the recorded changes; where none was ever recorded,
 * the current setpoint stands in (as in the live loop).
 */
export function replayHealthInput(
  grid: HistoryGrid,
  asset: AssetDefinition,
  currentControls: Record<string, number>,
  stats: NormalizationStats,
  occlude: boolean,
): ReplayWindow {
  const { values, setpoints, minutesWithData } = gridArrays(grid, asset, currentControls);
  if (minutesWithData < MIN_HISTORY_MINUTES) return { kind: 'not-enough-history', minutesWithData };
  const input = healthBatchFromGrid(values, setpoints, asset, grid.to, stats, occlude);
  return { kind: 'input', input, minutesWithData };
}
