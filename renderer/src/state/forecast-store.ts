import { createStore } from 'zustand/vanilla';

/** Test MAE per reported horizon (minutes, as strings) and tag, engineering units: the card's `test.mae`. */
export type CardMae = Record<string, Record<string, number>>;

/** Horizons offered for "Color by → Predicted value at +H", minutes. */
export const FORECAST_COLOR_HORIZONS_MIN = [15, 30, 60] as const;

export type ForecastStatus = 'idle' | 'loading' | 'warming-up' | 'running' | 'no-model' | 'error';

/** The forecaster's latest continuation of the live plant, current setpoints held. */
export interface LiveForecast {
  /** Simulated time (ms) of the last history sample the forecast starts from. */
  origin: number;
  /** Time of each step (ms): origin + 1, 2, … minutes. */
  t: number[];
  /** values[assetTag][step] in engineering units; null for tags the forecaster does not predict. */
  values: (number | null)[][];
}

export interface ForecastState {
  status: ForecastStatus;
  /** Why there is no forecast (warming up, a missing or bad model file by name). */
  message: string | null;
  forecast: LiveForecast | null;
  /** The forecaster card's test MAE per horizon and tag (engineering units): the band half-width. */
  mae: CardMae | null;
  /** Forecaster calls made, and wall milliseconds of the last one. */
  runs: number;
  lastLatencyMs: number;
}

export const forecastStore = createStore<ForecastState>(() => ({
  status: 'idle',
  message: null,
  forecast: null,
  mae: null,
  runs: 0,
  lastLatencyMs: 0,
}));
