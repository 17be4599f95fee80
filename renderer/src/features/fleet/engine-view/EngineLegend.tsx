import type { AssetDefinition } from '../../../../../core/asset/schema';
import { CMAPSS_SENSOR_TAG_IDS } from '../../../../../core/data/cmapss';
import { ANOMALY_FULL_SCALE } from '../../../../../core/fleet/colors';
import { BASELINE_CYCLES } from '../../../../../core/fleet/health';
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
  let title: string;
  let low: string;
  let high: string;
  let note: string;
  if (colorBy.mode === 'deviation') {
    title = 'Health deviation per part';
    low = 'as new';
    high = `${ANOMALY_FULL_SCALE} σ`;
    note = `Largest |z| among the part's sensors against the fleet's first ${BASELINE_CYCLES} cycles, per operating condition. Grey: the part has no informative sensor.`;
  } else if (colorBy.mode === 'sensor') {
    const tag = asset.tags.find((t) => t.id === CMAPSS_SENSOR_TAG_IDS[colorBy.sensor - 1]);
    const d = tag?.decimals ?? 1;
    title = tag ? `${tag.instrument} ${tag.name}` : 'Sensor value';
    low = tag ? `${tag.normal[0].toFixed(d)} ${tag.unit}` : '';
    high = tag ? `${tag.normal[1].toFixed(d)} ${tag.unit}` : '';
    note =
      'Only the part that carries this sensor is coloured; the others stay grey. Span: the normal band over all six operating conditions.';
  } else {
    title = 'Predicted remaining life (whole engine)';
    low = `≥ ${rulCap} cycles`;
    high = '0 cycles';
    note = hasRul
      ? 'One prediction per engine: every part takes its colour, as the engine does in the hangar.'
      : 'No RUL prediction for this engine: parts stay grey.';
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
