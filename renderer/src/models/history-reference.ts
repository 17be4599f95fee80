/**
 * The live health model's long-baseline reference: each balance's mean over the hours before the window,
 * from the history store's grid (BASELINE_HISTORY_ROWS one-minute rows, all but the last WINDOW_LENGTH of
 * them). The grid is refreshed every few plant minutes (predictions/baseline-history), so the reference is
 * cleaned and summed once per grid, not on every tick; a 12-h mean hardly moves in those minutes.
 */
import type { HistoryGrid } from '../../../core/api/domains/history';
import type { AssetDefinition } from '../../../core/asset/schema';
import { baselineReference, type BaselineReference } from '../../../core/ml/pump/baseline';
import { SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../../core/ml/pump/spec';
import { gridArrays } from '../state/replay-window';
import { gridFrame } from './grid-frame';

const references = new WeakMap<HistoryGrid, BaselineReference>();

/** The reference of `history`, or null for a grid that is not one-minute rows reaching before a window. */
export function historyReference(
  history: HistoryGrid,
  asset: AssetDefinition,
  controls: Readonly<Record<string, number>>,
): BaselineReference | null {
  const steps = history.values[0]?.length ?? 0;
  if (history.stepMs !== SAMPLE_PERIOD_S * 1000 || steps <= WINDOW_LENGTH) return null;
  const cached = references.get(history);
  if (cached) return cached;
  const { values, setpoints } = gridArrays(history, asset, controls, steps);
  const reference = baselineReference(
    gridFrame(values, setpoints, asset, history.to),
    0,
    steps - WINDOW_LENGTH,
  );
  references.set(history, reference);
  return reference;
}
