import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 150;
const AXIS = {
  stroke: '#5b6068',
  grid: { stroke: '#e3e4e6', width: 1 },
  ticks: { stroke: '#c9cbcf', width: 1 },
  font: '11px ui-monospace, Consolas, monospace',
};

interface Props {
  cycles: Float64Array;
  mean: Float32Array;
  q10: Float32Array;
  q90: Float32Array;
  /** Cycle the fleet shows, marked on the chart. */
  cursorCycle: number;
}

/** Predicted remaining life at every recorded cycle, with its 10–90 % band. */
export function RulChart({ cycles, mean, q10, q90, cursorCycle }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const data: uPlot.AlignedData = [Array.from(cycles), Array.from(q90), Array.from(mean), Array.from(q10)];
    const u = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: { range: (_u, _lo, hi) => [0, Math.max(20, hi * 1.05)] } },
        axes: [
          { ...AXIS, label: 'cycle', labelSize: 14, labelFont: '11px Inter, system-ui, sans-serif' },
          {
            ...AXIS,
            label: 'RUL, cycles',
            labelSize: 14,
            size: 44,
            labelFont: '11px Inter, system-ui, sans-serif',
          },
        ],
        series: [
          {},
          { label: '90 %', stroke: '#9aa3ad', width: 1, points: { show: false } },
          { label: 'RUL', stroke: '#30343a', width: 1.5, points: { show: false } },
          { label: '10 %', stroke: '#9aa3ad', width: 1, points: { show: false } },
        ],
        bands: [{ series: [1, 3], fill: 'rgba(61, 90, 128, 0.16)' }],
        hooks: {
          draw: [
            (p) => {
              const x = Math.round(p.valToPos(cursorCycle, 'x', true));
              const ctx = p.ctx;
              ctx.save();
              ctx.strokeStyle = '#3d5a80';
              ctx.setLineDash([4, 3]);
              ctx.beginPath();
              ctx.moveTo(x, p.bbox.top);
              ctx.lineTo(x, p.bbox.top + p.bbox.height);
              ctx.stroke();
              ctx.restore();
            },
          ],
        },
      },
      data,
      el,
    );
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, el.clientWidth);
      if (width !== u.width) u.setSize({ width, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
    };
  }, [cycles, mean, q10, q90, cursorCycle]);
  return <div ref={host} className="tag-chart" data-testid="fleet-rul-chart" />;
}
