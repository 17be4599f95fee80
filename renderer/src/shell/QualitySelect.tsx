import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { activeStep, levelName } from '../scene/quality/quality-steps';
import {
  QUALITY_SETTINGS,
  qualityStore,
  setQualitySetting,
  type QualitySetting,
} from '../state/quality-store';

const LEVEL_KEY = { High: 'high', Balanced: 'balanced', Low: 'low' } as const;

/** View option: rendering quality (Auto adapts to the frame times; remembered across sessions). */
export function QualitySelect() {
  const { t } = useTranslation('shell');
  const setting = useStore(qualityStore, (s) => s.setting);
  return (
    <label className="toolbar-field" title={t('quality.title')}>
      <span>{t('quality.label')}</span>
      <select
        data-testid="quality-select"
        value={setting}
        onChange={(e) => setQualitySetting(e.target.value as QualitySetting)}
      >
        {QUALITY_SETTINGS.map((q) => (
          <option key={q} value={q}>
            {t(`quality.${q}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Status bar item: the quality level in force, and whether Auto chose it. */
export function QualityStatus() {
  const { t } = useTranslation('shell');
  const level = useStore(qualityStore, (s) => levelName(activeStep(s)));
  const auto = useStore(qualityStore, (s) => s.setting === 'auto');
  const renderer = useStore(qualityStore, (s) => s.renderer);
  return (
    <span
      className="status-item"
      data-testid="status-quality"
      data-level={level}
      title={
        renderer
          ? t(renderer.software ? 'quality.rendererSoftware' : 'quality.renderer', { name: renderer.name })
          : t('quality.rendering')
      }
    >
      <span className="muted">{t('quality.label')} </span>
      {t(`quality.${LEVEL_KEY[level]}`)}
      {auto && <span className="muted">{t('quality.autoSuffix')}</span>}
    </span>
  );
}
