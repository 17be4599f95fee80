/**
 * Reading the live forecast: a tag's predicted value at +H minutes (the color mode), and its band on the
 * selected part's chart (forecast ± the card's test MAE at each step's horizon), merged with the history.
 */
import type { CardMae, LiveForecast } from './forecast-store';

/** Predicted value of asset tag `tagIndex` at +`minutes`, or null (no forecast, tag not predicted, beyond it). */
export function valueAtHorizon(
  forecast: LiveForecast | null,
  tagIndex: number,
  minutes: number,
): number | null {
  if (!forecast || !Number.isInteger(minutes) || minutes < 1) return null;
  const v = forecast.values[tagIndex]?.[minutes - 1];
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}

/**
 * The card's test MAE of `tagId` at `minutes` ahead: linear between the reported horizons, the nearest one
 * outside them; null when the card has no figure for the tag.
 */
export function maeAt(card: CardMae, tagId: string, minutes: number): number | null {
  const points = Object.entries(card)
    .map(([h, perTag]) => [Number(h), perTag[tagId]] as const)
    .filter((p): p is readonly [number, number] => Number.isFinite(p[0]) && Number.isFinite(p[1]))
    .sort((a, b) => a[0] - b[0]);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  if (minutes <= first[0]) return first[1];
  if (minutes >= last[0]) return last[1];
  const hi = points.findIndex((p) => p[0] >= minutes);
  const [h0, m0] = points[hi - 1]!;
  const [h1, m1] = points[hi]!;
  return m0 + ((m1 - m0) * (minutes - h0)) / (h1 - h0);
}

/** A forecast band on uPlot's time axis (seconds): centre line and ± half-width per step. */
export interface ForecastBand {
  x: number[];
  mid: number[];
  lo: number[];
  hi: number[];
}

/** The first `minutes` steps of tag `tagIndex`'s forecast with the card's test MAE as half-width; null if none. */
export function forecastBand(
  forecast: LiveForecast | null,
  tagIndex: number,
  tagId: string,
  card: CardMae | null,
  minutes: number,
): ForecastBand | null {
  const values = forecast?.values[tagIndex];
  if (!forecast || !values || !card) return null;
  const band: ForecastBand = { x: [], mid: [], lo: [], hi: [] };
  const steps = Math.min(minutes, values.length, forecast.t.length);
  for (let h = 0; h < steps; h++) {
    const v = values[h];
    const mae = maeAt(card, tagId, h + 1);
    if (v === null || v === undefined || !Number.isFinite(v) || mae === null) continue;
    band.x.push(forecast.t[h]! / 1000);
    band.mid.push(v);
    band.lo.push(v - mae);
    band.hi.push(v + mae);
  }
  return band.x.length > 0 ? band : null;
}

/** uPlot aligned data: [x, actual, forecast, forecast − MAE, forecast + MAE], null where a series has no point. */
export type ChartWithBand = [
  number[],
  (number | null)[],
  (number | null)[],
  (number | null)[],
  (number | null)[],
];

/**
 * The history followed by the band's steps to the right of its last sample ("now"): a step the plant has
 * already reached (the forecast is up to a minute old) is history, not forecast, and is left out.
 */
export function mergeWithBand(
  history: { x: number[]; y: (number | null)[] },
  band: ForecastBand | null,
): ChartWithBand {
  const n = history.x.length;
  const now = history.x[n - 1] ?? -Infinity;
  const none = () => new Array<null>(n).fill(null);
  const out: ChartWithBand = [[...history.x], [...history.y], none(), none(), none()];
  band?.x.forEach((x, k) => {
    if (!(x > now)) return;
    out[0].push(x);
    out[1].push(null);
    out[2].push(band.mid[k]!);
    out[3].push(band.lo[k]!);
    out[4].push(band.hi[k]!);
  });
  return out;
}
