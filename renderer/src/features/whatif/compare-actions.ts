import { setColorBy, viewStore, type ColorBy } from '../../state/view-store';
import { compareStore } from '../../state/compare-store';
import { showPreview } from './whatif-actions';
import { whatIfStore } from './whatif-store';

/** Colorings that show a side's own state; the others (change, live model, off) are not per side. */
const colorsPerSide = (c: ColorBy): boolean => c.mode === 'alarm-distance' || c.mode === 'tag';

/** Splits the 3D view at the preview time (the horizon's end when nothing is previewed yet). */
export function enterCompare(): void {
  const { result, previewIndex } = whatIfStore.getState();
  if (!result || result.t.length === 0) return;
  if (previewIndex === null) showPreview(result.t.length - 1);
  const colorBy = viewStore.getState().colorBy;
  const restore = colorsPerSide(colorBy) ? null : colorBy;
  if (restore) setColorBy({ mode: 'alarm-distance' });
  compareStore.setState({ active: true, restoreColorBy: restore });
}

export function leaveCompare(): void {
  const { active, restoreColorBy } = compareStore.getState();
  if (!active) return;
  compareStore.setState({ active: false, restoreColorBy: null });
  // Put back what compare replaced, unless the user picked another coloring meanwhile.
  if (restoreColorBy && viewStore.getState().colorBy.mode === 'alarm-distance') setColorBy(restoreColorBy);
}

export const toggleCompare = () => (compareStore.getState().active ? leaveCompare() : enterCompare());

/** Moves the preview time by `points` (negative: back), clamped to the horizon. */
export function stepPreview(points: number): void {
  const { result, previewIndex } = whatIfStore.getState();
  if (!result || result.t.length === 0) return;
  const next = Math.min(result.t.length - 1, Math.max(0, (previewIndex ?? 0) + points));
  if (next !== previewIndex) showPreview(next);
}
