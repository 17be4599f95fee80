import { HORIZON, RUL_CAP_HOURS, SAMPLE_PERIOD_S } from '../../../../../core/ml/pump/spec';

const FORECAST_HOURS = (HORIZON * SAMPLE_PERIOD_S) / 3600;

export type TimeToTrip =
  | { kind: 'no-degrading-fault' }
  | { kind: 'no-trip-within-cap'; capHours: number }
  | { kind: 'hours'; hours: number; std: number; beyondForecastMinutes: number | null };

/**
 * The health model's RUL as the live panel shows it: the time to the first trip (the event the what-if's
 * "Time to trip" counts). An interval reaching the cap says no trip is expected; one starting past the
 * forecaster's horizon says so, since the forecast chart cannot show that trip.
 */
export function timeToTrip(hours: number, std: number): TimeToTrip {
  if (!Number.isFinite(hours)) return { kind: 'no-degrading-fault' };
  if (hours + std >= RUL_CAP_HOURS - 0.05) return { kind: 'no-trip-within-cap', capHours: RUL_CAP_HOURS };
  return { kind: 'hours', hours, std, beyondForecastMinutes: hours - std > FORECAST_HOURS ? HORIZON : null };
}
