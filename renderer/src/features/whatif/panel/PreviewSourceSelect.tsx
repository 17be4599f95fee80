import { useTranslation } from 'react-i18next';
import { setPreviewSource } from '../whatif-actions';
import { useWhatIf } from '../use-whatif';

/** Which answer the 3D preview (and compare view) shows: the physics rollout or the learned surrogate. */
export function PreviewSourceSelect() {
  const { t } = useTranslation('whatif');
  const source = useWhatIf((s) => s.previewSource);
  const surrogateReady = useWhatIf((s) => s.surrogate !== null && s.surrogate.key === s.resultKey);
  const minutes = useWhatIf((s) => s.surrogate?.minutes ?? 0);
  return (
    <label className="inline-field" title={t('outcome.previewFromTitle')}>
      <span>{t('outcome.previewFrom')}</span>
      <select
        value={source}
        data-testid="whatif-preview-source"
        aria-label={t('outcome.previewFromLabel')}
        onChange={(e) => setPreviewSource(e.target.value === 'surrogate' ? 'surrogate' : 'physics')}
      >
        <option value="physics">{t('outcome.physics')}</option>
        <option value="surrogate" disabled={!surrogateReady}>
          {surrogateReady ? t('outcome.surrogateFirst', { minutes }) : t('outcome.surrogateNone')}
        </option>
      </select>
    </label>
  );
}
