import { useStore } from 'zustand';
import { formatClock } from '../../../format';
import { FORECAST_CHART_MIN, FORECAST_LABEL } from './forecast-chart';
import { forecastStore } from '../../../state/forecast-store';
import './predictions.css';

/** One line under the Selection charts' title: what the band is, or why there is none yet. */
export function ForecastKey() {
  const status = useStore(forecastStore, (s) => s.status);
  const message = useStore(forecastStore, (s) => s.message);
  const origin = useStore(forecastStore, (s) => s.forecast?.origin ?? null);
  return (
    <div className="forecast-key" data-testid="forecast-key" data-status={status}>
      <span className="forecast-key-swatch" aria-hidden="true" />
      {origin !== null ? (
        <span>
          {FORECAST_LABEL}: the forecaster’s continuation to +{FORECAST_CHART_MIN} min with the current
          setpoints held, made at {formatClock(origin)}; band half-width = its error on held-out test episodes
          at that horizon.
        </span>
      ) : (
        <span>
          Forecast: {message ?? (status === 'no-model' ? 'no forecaster for this asset' : 'starting…')}
        </span>
      )}
    </div>
  );
}
