import { useTranslation } from 'react-i18next';
import { runsLive } from '../../state/connections-store';
import { useConnections } from '../../state/use-store';
import './source-status.css';

/** Key to the 3D view's hatching, shown while the asset runs from its live sources. */
export function StaleLegend() {
  const { t } = useTranslation('connections');
  const live = useConnections(runsLive);
  if (!live) return null;
  return (
    <div className="twin-legend-note twin-legend-stale" data-testid="legend-stale">
      <span className="stale-swatch" aria-hidden="true" />
      {t('staleLegend')}
    </div>
  );
}
