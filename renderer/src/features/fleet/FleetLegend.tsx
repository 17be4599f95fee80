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
  const rul = colorBy === 'rul';
  return (
    <div className="twin-legend" data-testid="fleet-legend" data-mode={colorBy}>
      <div className="twin-legend-title">{rul ? 'Predicted remaining life' : 'Health deviation'}</div>
      <div className="twin-legend-bar" style={{ background: GRADIENT }} />
      <div className="twin-legend-ends">
        <span>{rul ? `≥ ${rulCap} cycles` : 'as new'}</span>
        <span>{rul ? '0 cycles' : `${ANOMALY_FULL_SCALE} σ`}</span>
      </div>
      <div className="twin-legend-note">
        {rul
          ? hasModel
            ? `Bright end: shortest remaining life. Predictions above ${rulCap} cycles are capped (the model's training target).`
            : 'No RUL model for this data set: engines are grey.'
          : 'RMS z-score of the sensors against the fleet’s first 30 cycles, per operating condition.'}
      </div>
    </div>
  );
}
