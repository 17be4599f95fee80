import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { CMAPSS_SENSOR_TAG_IDS } from '../../../../../core/data/cmapss';
import { ANOMALY_FULL_SCALE } from '../../../../../core/fleet/colors';
import { BASELINE_CYCLES } from '../../../../../core/fleet/health';
import { formatDecimals, withUnit } from '../../../i18n/number-format';
import { viridisCss } from '../../../scene/paint/colormap';
import type { EngineColorBy } from '../fleet-store';

const GRADIENT = viridisCss();

/** Key to the opened engine's colors: the same viridis scale and "grey = no value" rule as the pump skid. */
export function EngineLegend({
  colorBy,
  asset,
  rulCap,
  hasRul,
}: {
  colorBy: EngineColorBy;
  asset: AssetDefinition;
  rulCap: number;
  hasRul: boolean;
}) {
  const { t } = useTranslation('fleet');
  let title: string;
  let low: string;
  let high: string;
  let note: string;
  if (colorBy.mode === 'deviation') {
    title = t('legend.perPart');
    low = t('legend.asNew');
    high = `${ANOMALY_FULL_SCALE} σ`;
    note = t('legend.partNote', { cycles: BASELINE_CYCLES });
  } else if (colorBy.mode === 'sensor') {
    const tag = asset.tags.find((s) => s.id === CMAPSS_SENSOR_TAG_IDS[colorBy.sensor - 1]);
    const d = tag?.decimals ?? 1;
    title = tag ? `${tag.instrument} ${tag.name}` : t('legend.sensorValue');
    low = tag ? withUnit(formatDecimals(tag.normal[0], d), tag.unit) : '';
    high = tag ? withUnit(formatDecimals(tag.normal[1], d), tag.unit) : '';
    note = t('legend.sensorNote');
  } else {
    title = t('legend.wholeEngine');
    low = t('legend.atLeastCycles', { count: rulCap });
    high = t('legend.zeroCycles');
    note = hasRul ? t('legend.onePrediction') : t('legend.noPrediction');
  }
  return (
    <div className="twin-legend" data-testid="fleet-engine-legend" data-mode={colorBy.mode}>
      <div className="twin-legend-title">{title}</div>
      <div className="twin-legend-bar" style={{ background: GRADIENT }} />
      <div className="twin-legend-ends">
        <span>{low}</span>
        <span>{high}</span>
      </div>
      <div className="twin-legend-note">{note}</div>
    </div>
  );
}
