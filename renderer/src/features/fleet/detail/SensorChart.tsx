import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 120;
const AXIS = {
  stroke: '#5b6068',
  grid: { stroke: '#e3e4e6', width: 1 },
  ticks: { stroke: '#c9cbcf', width: 1 },
  font: '11px ui-monospace, Consolas, monospace',
};

/** One sensor of one engine over its recorded cycles. */
export function SensorChart({
  cycles,
  values,
  label,
  unit,
}: {
  cycles: Float64Array;
  values: Float32Array;
  label: string;
  unit: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const u = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [
          { ...AXIS },
          { ...AXIS, label: unit, labelSize: 14, size: 52, labelFont: '11px Inter, system-ui, sans-serif' },
        ],
        series: [{}, { label, stroke: '#30343a', width: 1.25, points: { show: false } }],
      },
      [Array.from(cycles), Array.from(values)],
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
  }, [cycles, values, label, unit]);
  return <div ref={host} className="tag-chart" data-testid="fleet-sensor-chart" />;
}
