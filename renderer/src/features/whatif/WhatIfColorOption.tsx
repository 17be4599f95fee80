import { useStore } from 'zustand';
import { setColorBy } from '../../state/view-store';
import { compareStore } from '../../state/compare-store';
import { useWhatIf } from './use-whatif';
import { showPreview } from './whatif-actions';
import { whatIfStore } from './whatif-store';

/** The "Color by" menu's what-if entry: enabled while a what-if result exists (not in the split view). */
export function WhatIfColorOption() {
  const hasResult = useWhatIf((s) => s.result !== null);
  const split = useStore(compareStore, (s) => s.active);
  const title = split
    ? 'The split view colours each side by its own state'
    : hasResult
      ? 'How far the what-if plan departs from doing nothing at the preview time'
      : 'Run a what-if first';
  return (
    <optgroup label="What-if">
      <option value="whatif-delta" disabled={!hasResult || split} title={title}>
        Change vs do nothing{hasResult ? '' : ' (no what-if)'}
      </option>
    </optgroup>
  );
}

/**
 * Handles the menu value if it is the what-if entry: colors by change and, when nothing is previewed yet,
 * shows the end of the horizon (a change needs a time). Returns false for other values.
 */
export function chooseWhatIfColor(value: string): boolean {
  if (value !== 'whatif-delta') return false;
  const { result, previewIndex } = whatIfStore.getState();
  if (result && previewIndex === null && result.t.length > 0) showPreview(result.t.length - 1);
  setColorBy({ mode: 'whatif-delta' });
  return true;
}
