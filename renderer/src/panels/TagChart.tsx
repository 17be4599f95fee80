import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TagDefinition } from '../../../core/asset/schema';
import type { ChartWindow } from '../history/chart-window';
import { playbackStore } from '../state/playback-store';
import { telemetryStore } from '../state/telemetry-store';
import { limitLines, windowSeries, yRange } from './chart-data';
import { formatClock } from './format';

/** Ten minutes of simulated time. */
const WINDOW_MS = 10 * 60 * 1000;
const HEIGHT = 120;
const LIMIT_STROKE = { alarm: '#c98a12', trip: '#b3261e' } as const;

/** Trend of one tag over the last ten simulated minutes, with alarm/trip limits as dashed lines. */
export function TagChart({
  tag,
  index,
  version,
  replay = null,
}: {
  tag: TagDefinition;
  index: number;
  version: number;
  /** Replaying: the timeline's visible range from the store (last value and min/max band). */
  replay?: ChartWindow | null;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const limits = limitLines(tag);
  const replaying = replay !== null;

  const buildData = (): uPlot.AlignedData => {
    if (replay) {
      const { x, last, min, max } = replay;
      return [x, last, min, max, ...limits.map((l) => x.map(() => l.value))];
    }
    const ring = telemetryStore.getState().ring;
    const { t, v } = ring.tail(index, ring.size);
    const { x, y } = windowSeries(t, v, WINDOW_MS, 2 * Math.max(200, host.current?.clientWidth ?? 400));
    return [x, y, ...limits.map((l) => x.map(() => l.value))];
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
        : {}),
      scales: {
        x: { time: true },
        y: { range: (u) => yRange((u.data[1] ?? []) as (number | null)[], tag) },
      },
      axes: [
        {
          stroke: '#5b6068',
          // 24-hour UTC clock, like the rest of the app.
          values: (_u, splits) => splits.map((s) => formatClock(s * 1000)),
          grid: { stroke: '#e3e4e6', width: 1 },
          ticks: { stroke: '#c9cbcf', width: 1 },
          font: '11px Inter, Segoe UI, system-ui, sans-serif',
        },
        {
          stroke: '#5b6068',
          label: tag.unit,
          space: 18,
          labelSize: 14,
          labelFont: '11px Inter, Segoe UI, system-ui, sans-serif',
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
              { label: 'min', stroke: 'rgba(48, 52, 58, 0.35)', width: 0.5, points: { show: false } },
              { label: 'max', stroke: 'rgba(48, 52, 58, 0.35)', width: 0.5, points: { show: false } },
            ]
          : []),
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
    // The chart is rebuilt when the tag changes; data updates go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tag, index, replaying]);

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
