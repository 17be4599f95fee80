import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { compareStore } from '../../../state/compare-store';
import { toggleCompare } from '../compare-actions';

/** Splits the 3D view into "do nothing" and the plan at the preview time, or joins it again (Esc too). */
export function CompareToggle() {
  const { t } = useTranslation('whatif');
  const active = useStore(compareStore, (s) => s.active);
  return (
    <button
      type="button"
      className="toggle"
      aria-pressed={active}
      data-testid="whatif-compare"
      onClick={toggleCompare}
      title={active ? t('compare.toggleActiveTitle') : t('compare.toggleTitle')}
    >
      {t('compare.toggle')}
    </button>
  );
}
