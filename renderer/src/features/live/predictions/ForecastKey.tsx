import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../../format';
import { FORECAST_CHART_MIN } from './forecast-chart';
import { forecastStore } from '../../../state/forecast-store';
import './predictions.css';

/** One line under the Selection charts' title: what the band is, or why there is none yet. */
export function ForecastKey() {
  const { t } = useTranslation('live');
  const status = useStore(forecastStore, (s) => s.status);
  const message = useStore(forecastStore, (s) => s.message);
  const origin = useStore(forecastStore, (s) => s.forecast?.origin ?? null);
  return (
    <div className="forecast-key" data-testid="forecast-key" data-status={status}>
      <span className="forecast-key-swatch" aria-hidden="true" />
      {origin !== null ? (
        <span>{t('forecast.key', { minutes: FORECAST_CHART_MIN, time: formatClock(origin) })}</span>
      ) : (
        <span>
          {t('forecast.status', {
            status: message ?? (status === 'no-model' ? t('forecast.noModel') : t('forecast.starting')),
          })}
        </span>
      )}
    </div>
  );
}
