import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { setColorBy } from '../../state/view-store';
import { compareStore } from '../../state/compare-store';
import { useWhatIf } from './use-whatif';
import { showPreview } from './whatif-actions';
import { whatIfStore } from './whatif-store';

/** The "Color by" menu's what-if entry: enabled while a what-if result exists (not in the split view). */
export function WhatIfColorOption() {
  const { t } = useTranslation('whatif');
  const hasResult = useWhatIf((s) => s.result !== null);
  const split = useStore(compareStore, (s) => s.active);
  const title = split ? t('colorBy.splitTitle') : hasResult ? t('colorBy.title') : t('colorBy.runFirst');
  return (
    <optgroup label={t('colorBy.group')}>
      <option value="whatif-delta" disabled={!hasResult || split} title={title}>
        {hasResult ? t('colorBy.option') : t('colorBy.optionNone')}
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
