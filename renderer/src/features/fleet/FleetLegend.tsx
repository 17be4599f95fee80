import { useTranslation } from 'react-i18next';
import { ANOMALY_FULL_SCALE } from '../../../../core/fleet/colors';
import { viridisCss } from '../../scene/paint/colormap';
import type { FleetColorBy } from './fleet-store';

const GRADIENT = viridisCss();

/** Key to the engine colors: what the scale means, its ends and units, and what grey means. */
export function FleetLegend({
  colorBy,
  rulCap,
  hasModel,
}: {
  colorBy: FleetColorBy;
  rulCap: number;
  hasModel: boolean;
}) {
  const { t } = useTranslation('fleet');
  const rul = colorBy === 'rul';
  return (
    <div className="twin-legend" data-testid="fleet-legend" data-mode={colorBy}>
      <div className="twin-legend-title">{rul ? t('legend.remainingLife') : t('legend.healthDeviation')}</div>
      <div className="twin-legend-bar" style={{ background: GRADIENT }} />
      <div className="twin-legend-ends">
        <span>{rul ? t('legend.atLeastCycles', { count: rulCap }) : t('legend.asNew')}</span>
        <span>{rul ? t('legend.zeroCycles') : `${ANOMALY_FULL_SCALE} σ`}</span>
      </div>
      <div className="twin-legend-note">
        {rul
          ? hasModel
            ? t('legend.capped', { cap: rulCap })
            : t('legend.noModel')
          : t('legend.deviationNote')}
      </div>
    </div>
  );
}
