import type { HistoryWindow } from '../../../core/api/domains/history';

/** One tag of a history window as uPlot columns: x in seconds, the last value per bucket and its min/max band. */
export interface ChartWindow {
  x: number[];
  last: (number | null)[];
  min: (number | null)[];
  max: (number | null)[];
}

export function chartWindow(w: HistoryWindow, tagId: string): ChartWindow | null {
  const s = w.series.find((x) => x.tagId === tagId);
  if (!s) return null;
  return { x: w.t.map((t) => t / 1000), last: s.last, min: s.min, max: s.max };
}
