import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WhatIfRunResult } from '../../../../../core/api/domains/whatif';
import type { TagDefinition } from '../../../../../core/asset/schema';
import { surrogateOnGrid } from '../surrogate/surrogate-compare';
import type { SurrogateRollout } from '../surrogate/surrogate-rollout';
import { limitLines, yRange } from '../../../ui/chart-data';

const HEIGHT = 130;
const LIMIT_STROKE = { alarm: '#c98a12', trip: '#b3261e' } as const;
/** A viridis blue: the surrogate is data, not a state. */
const SURROGATE_STROKE = '#31688e';
const AXIS = {
  stroke: '#5b6068',
  grid: { stroke: '#e3e4e6', width: 1 },
  ticks: { stroke: '#c9cbcf', width: 1 },
  font: '11px Inter, Segoe UI, system-ui, Noto Sans CJK SC, sans-serif',
};

/**
 * One tag over the horizon: do nothing (grey, dashed) against the plan (dark), the surrogate's answer to the
 * plan (blue, short dashes, its first hour) when there is one, with alarm and trip limits.
 */
export function WhatIfChart({
  tag,
  index,
  result,
  surrogate,
  cursorIndex,
}: {
  tag: TagDefinition;
  index: number;
  result: WhatIfRunResult;
  surrogate: SurrogateRollout | null;
  cursorIndex: number | null;
}) {
  const { t } = useTranslation('whatif');
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const limits = limitLines(tag);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const x = result.t.map((t) => (t - result.forkTime) / 60_000);
    const base = result.baseline.values[index] ?? [];
    const plan = result.scenario.values[index] ?? [];
    const learned = surrogate ? surrogateOnGrid(result.t, surrogate, index) : x.map(() => null);
    const data: uPlot.AlignedData = [x, base, plan, learned, ...limits.map((l) => x.map(() => l.value))];
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: () => yRange([...base, ...plan, ...learned], tag) } },
      axes: [
        { ...AXIS, label: t('outcome.chartAxis'), labelSize: 14, size: 34 },
        { ...AXIS, label: tag.unit, labelSize: 14, size: 48, font: '11px ui-monospace, Consolas, monospace' },
      ],
      series: [
        {},
        { label: t('outcome.seriesBaseline'), stroke: '#9da2a9', width: 1.25, dash: [5, 3] },
        { label: t('outcome.seriesPlan'), stroke: '#30343a', width: 1.5 },
        {
          label: t('outcome.seriesSurrogate'),
          stroke: SURROGATE_STROKE,
          width: 2,
          dash: [2, 3],
          points: { show: false },
        },
        ...limits.map((l) => ({
          label: l.label,
          stroke: LIMIT_STROKE[l.kind],
          width: 1,
          dash: [4, 4],
          points: { show: false },
        })),
      ],
    };
    const u = new uPlot(opts, data, el);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
    // Rebuilt for a new result or tag; the cursor follows the preview below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, surrogate, tag, index, t]);

  useEffect(() => {
    const u = plot.current;
    if (!u || cursorIndex === null) return;
    u.setCursor({
      left: u.valToPos(((result.t[cursorIndex] ?? result.forkTime) - result.forkTime) / 60_000, 'x'),
      top: 10,
    });
  }, [cursorIndex, result]);

  return (
    <div className="chart-card">
      <div className="charts-title">
        {tag.instrument} {tag.name}{' '}
        <span className="muted">
          {surrogate ? t('outcome.chartLegendSurrogate') : t('outcome.chartLegend')}
        </span>
      </div>
      <div ref={host} className="tag-chart" data-testid="whatif-chart" data-tag-id={tag.id} />
    </div>
  );
}
