/**
 * The forecast on a tag's uPlot chart: its three series (centre, − MAE, + MAE; the band is filled between the
 * last two) and the marks drawn over the plot, a "now" line and the band's label "forecast ± test MAE".
 */
import { i18n } from '../../../i18n/i18n';
import type uPlot from 'uplot';

/** Minutes of forecast shown right of "now" on the Selection charts (10 min of history to the left). */
export const FORECAST_CHART_MIN = 30;
const FORECAST_STROKE = '#3d5a80';
const EDGE_STROKE = 'rgba(61, 90, 128, 0.45)';

/** Series 2–4 of a live chart with a forecast (after x and the measured value). */
export function forecastSeries(): uPlot.Series[] {
  return [
    {
      label: i18n.t('live:forecast.series'),
      stroke: FORECAST_STROKE,
      width: 1.25,
      dash: [5, 3],
      points: { show: false },
    },
    { label: i18n.t('live:forecast.lowerEdge'), stroke: EDGE_STROKE, width: 0.5, points: { show: false } },
    { label: i18n.t('live:forecast.upperEdge'), stroke: EDGE_STROKE, width: 0.5, points: { show: false } },
  ];
}

/** Index of the first non-null value of a series, or −1. */
function firstValue(values: readonly (number | null | undefined)[]): number {
  for (let i = 0; i < values.length; i++) if (values[i] !== null && values[i] !== undefined) return i;
  return -1;
}

/** Text on a light backing, so it stays readable over the trend and the limit lines. */
function label(
  g: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  align: 'left' | 'right',
  color: string,
  px: number,
): void {
  const w = g.measureText(text).width;
  g.fillStyle = 'rgba(255, 255, 255, 0.85)';
  g.fillRect(align === 'left' ? x - px : x - w - px, y - px, w + 2 * px, 12 * px);
  g.fillStyle = color;
  g.textAlign = align;
  g.fillText(text, x, y);
}

/** uPlot draw hook: "now" (the newest measured sample) as a dotted line, and the band's label above it. */
export function drawForecastMarks(u: uPlot): void {
  const start = firstValue((u.data[2] ?? []) as (number | null)[]);
  if (start <= 0) return;
  const xs = u.data[0];
  const now = xs[start - 1]!;
  const x = u.valToPos(now, 'x', true);
  const { left, top, width, height } = u.bbox;
  if (!Number.isFinite(x) || x < left || x > left + width) return;
  const g = u.ctx;
  const px = devicePixelRatio;
  g.save();
  g.strokeStyle = '#5b6068';
  g.lineWidth = px;
  g.setLineDash([2 * px, 2 * px]);
  g.beginPath();
  g.moveTo(x, top);
  g.lineTo(x, top + height);
  g.stroke();
  g.setLineDash([]);
  g.font = `${10 * px}px Inter, Segoe UI, system-ui, Noto Sans CJK SC, sans-serif`;
  g.textBaseline = 'top';
  label(g, i18n.t('live:forecast.now'), x - 3 * px, top + 2 * px, 'right', '#5b6068', px);
  label(g, i18n.t('live:forecast.label'), x + 4 * px, top + 2 * px, 'left', FORECAST_STROKE, px);
  g.restore();
}
