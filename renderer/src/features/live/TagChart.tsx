import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { useTranslation } from 'react-i18next';
import 'uplot/dist/uPlot.min.css';
import type { TagDefinition } from '../../../../core/asset/schema';
import type { ChartWindow } from '../../state/chart-window';
import { playbackStore } from '../../state/playback-store';
import { telemetryStore } from '../../state/telemetry-store';
import { limitLines, windowSeries, yRange } from '../../ui/chart-data';
import { formatClock } from '../../format';
import { forecastStore } from '../../state/forecast-store';
import { forecastBand, mergeWithBand } from '../../state/forecast-values';
import { drawForecastMarks, FORECAST_CHART_MIN, forecastSeries } from './predictions/forecast-chart';

/** Ten minutes of simulated time. */
const WINDOW_MS = 10 * 60 * 1000;
const HEIGHT = 120;
const LIMIT_STROKE = { alarm: '#c98a12', trip: '#b3261e' } as const;

/**
 * Trend of one tag over the last ten simulated minutes, with alarm/trip limits as dashed lines; live, and
 * with `forecast`, the forecaster's continuation as a band (forecast ± test MAE) right of "now".
 */
export function TagChart({
  tag,
  index,
  version,
  replay = null,
  forecast = false,
}: {
  tag: TagDefinition;
  index: number;
  version: number;
  /** Replaying: the timeline's visible range from the store (last value and min/max band). */
  replay?: ChartWindow | null;
  forecast?: boolean;
}) {
  const { t } = useTranslation('common');
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const limits = limitLines(tag);
  const replaying = replay !== null;
  const withForecast = forecast && !replaying;

  const buildData = (): uPlot.AlignedData => {
    if (replay) {
      const { x, last, min, max } = replay;
      return [x, last, min, max, ...limits.map((l) => x.map(() => l.value))];
    }
    const ring = telemetryStore.getState().ring;
    const { t, v } = ring.tail(index, ring.size);
    const history = windowSeries(t, v, WINDOW_MS, 2 * Math.max(200, host.current?.clientWidth ?? 400));
    if (!withForecast) return [history.x, history.y, ...limits.map((l) => history.x.map(() => l.value))];
    const f = forecastStore.getState();
    const band = forecastBand(f.forecast, index, tag.id, f.mae, FORECAST_CHART_MIN);
    const merged = mergeWithBand(history, band);
    const shown = merged[0].length - history.x.length;
    if (host.current) host.current.dataset.forecastSteps = String(shown);
    return [...merged, ...limits.map((l) => merged[0].map(() => l.value))];
  };

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      ...(replaying
        ? {
            // Min/max band between series 3 (max) and 2 (min); the playhead as a vertical line.
            bands: [{ series: [3, 2] as [number, number], fill: 'rgba(48, 52, 58, 0.14)' }],
            hooks: {
              draw: [
                (u: uPlot) => {
                  const t = playbackStore.getState().playhead / 1000;
                  const x = u.valToPos(t, 'x', true);
                  if (!Number.isFinite(x) || x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
                  const g = u.ctx;
                  g.save();
                  g.strokeStyle = '#2b2e33';
                  g.lineWidth = 2 * devicePixelRatio;
                  g.beginPath();
                  g.moveTo(x, u.bbox.top);
                  g.lineTo(x, u.bbox.top + u.bbox.height);
                  g.stroke();
                  g.restore();
                },
              ],
            },
          }
        : withForecast
          ? {
              bands: [{ series: [4, 3] as [number, number], fill: 'rgba(61, 90, 128, 0.25)' }],
              hooks: { draw: [drawForecastMarks] },
            }
          : {}),
      scales: {
        x: { time: true },
        // Live with a forecast: the band's edges (series 3 and 4) count too.
        y: {
          range: (u) =>
            yRange(
              (withForecast ? [1, 3, 4] : [1]).flatMap((k) => (u.data[k] ?? []) as (number | null)[]),
              tag,
            ),
        },
      },
      axes: [
        {
          stroke: '#5b6068',
          // 24-hour UTC clock, like the rest of the app.
          values: (_u, splits) => splits.map((s) => formatClock(s * 1000)),
          grid: { stroke: '#e3e4e6', width: 1 },
          ticks: { stroke: '#c9cbcf', width: 1 },
          font: '11px Inter, Segoe UI, system-ui, Noto Sans CJK SC, sans-serif',
        },
        {
          stroke: '#5b6068',
          label: tag.unit,
          space: 18,
          labelSize: 14,
          labelFont: '11px Inter, Segoe UI, system-ui, Noto Sans CJK SC, sans-serif',
          size: 48,
          grid: { stroke: '#e3e4e6', width: 1 },
          ticks: { stroke: '#c9cbcf', width: 1 },
          font: '11px ui-monospace, Consolas, monospace',
        },
      ],
      series: [
        {},
        { label: tag.instrument, stroke: '#30343a', width: 1.25, spanGaps: false },
        ...(replaying
          ? [
              {
                label: t('chart.min'),
                stroke: 'rgba(48, 52, 58, 0.35)',
                width: 0.5,
                points: { show: false },
              },
              {
                label: t('chart.max'),
                stroke: 'rgba(48, 52, 58, 0.35)',
                width: 0.5,
                points: { show: false },
              },
            ]
          : []),
        ...(withForecast ? forecastSeries() : []),
        ...limits.map((l) => ({
          label: l.label,
          stroke: LIMIT_STROKE[l.kind],
          width: 1,
          dash: [4, 4],
          points: { show: false },
        })),
      ],
    };
    const u = new uPlot(opts, buildData(), el);
    plot.current = u;
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, el.clientWidth);
      if (width !== u.width) u.setSize({ width, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // The chart is rebuilt when the tag or the language changes; data updates go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tag, index, replaying, withForecast, t]);

  useEffect(() => {
    plot.current?.setData(buildData());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, replay]);

  // Redraw the playhead line as it moves.
  useEffect(() => {
    if (!replaying) return;
    return playbackStore.subscribe((s, prev) => {
      if (s.playhead !== prev.playhead) plot.current?.redraw(false);
    });
  }, [replaying]);

  return <div ref={host} className="tag-chart" data-testid="tag-chart" data-tag-id={tag.id} />;
}
