import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { useDisplayedPrediction } from '../../../state/displayed-prediction';
import { useView } from '../../../state/use-store';
import { whyEntries, whyParts } from '../../../state/why';
import './predictions.css';

/** Key to the teal outlines: shown while the selected part's health score has tags that drive it. */
export function WhyLegend({ asset }: { asset: AssetDefinition | null }) {
  const { t } = useTranslation('live');
  const selected = useView((s) => s.selectedComponent);
  const p = useDisplayedPrediction().state;
  if (!asset || p.status !== 'running') return null;
  const parts = [...whyParts(whyEntries(asset, p.components, p.influences, selected)).keys()];
  if (parts.length === 0) return null;
  const names = parts.map((id) => asset.components.find((c) => c.id === id)?.name ?? id);
  return (
    <div className="twin-legend-why" data-testid="why-legend">
      <span className="twin-legend-why-chip" />
      <span>{t('prediction.whyLegend', { parts: names.join(t('prediction.listSeparator')) })}</span>
    </div>
  );
}
