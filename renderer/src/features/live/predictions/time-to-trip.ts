import { HORIZON, RUL_CAP_HOURS, SAMPLE_PERIOD_S } from '../../../../../core/ml/pump/spec';

const FORECAST_HOURS = (HORIZON * SAMPLE_PERIOD_S) / 3600;

/**
 * The health model's RUL as the live panel shows it: the time to the first trip (the event the what-if's
 * "Time to trip" counts). An interval reaching the cap says no trip is expected; one starting past the
 * forecaster's horizon says so, since the forecast chart cannot show that trip.
 */
export function timeToTripText(hours: number, std: number): string {
  if (!Number.isFinite(hours)) return 'no degrading fault predicted';
  if (hours + std >= RUL_CAP_HOURS - 0.05) return `no trip expected within ${RUL_CAP_HOURS} h`;
  const text = `${hours.toFixed(1)} ± ${std.toFixed(1)} h`;
  return hours - std > FORECAST_HOURS ? `${text}, beyond the +${HORIZON} min forecast` : text;
}
