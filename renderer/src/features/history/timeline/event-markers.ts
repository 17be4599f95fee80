import type { HistoryEventItem } from '../../../../../core/api/domains/history';
import { timeToX, type TimeView } from '../../../state/timeline-math';

export interface MarkerStyle {
  /** Shape, so a marker reads without color (ISA-101 redundant coding). */
  shape: string;
  className: string;
}

/** Alarm markers take the alarm priority's shape and color; other events stay grey and differ by shape. */
export function markerStyle(item: Pick<HistoryEventItem, 'kind' | 'priority'>): MarkerStyle {
  switch (item.kind) {
    case 'alarm':
      if (item.priority === 'high') return { shape: '▲', className: 'prio-high' };
      if (item.priority === 'medium') return { shape: '◆', className: 'prio-medium' };
      return { shape: '▼', className: 'prio-low' };
    case 'ack':
      return { shape: '✓', className: 'mk-ack' };
    case 'fault-injection':
      return { shape: '✕', className: 'mk-fault' };
    case 'fault-clear':
      return { shape: '○', className: 'mk-fault' };
    case 'control-change':
      return { shape: '◇', className: 'mk-control' };
    case 'bookmark':
      return { shape: '⚑', className: 'mk-bookmark' };
    default:
      return { shape: '•', className: 'mk-note' };
  }
}

/** Which of several events sharing a spot on the track shows: alarms by priority, then faults, bookmarks. */
function rank(item: HistoryEventItem): number {
  if (item.kind === 'alarm') return item.priority === 'high' ? 0 : item.priority === 'medium' ? 1 : 2;
  return (
    { 'fault-injection': 3, bookmark: 4, 'fault-clear': 5, 'control-change': 6, ack: 7 }[
      item.kind as string
    ] ?? 8
  );
}

export interface PlacedMarker {
  x: number;
  item: HistoryEventItem;
  /** Events merged into this marker (tooltip says "+n more"). */
  count: number;
}

/** Places events on a track `width` px wide; events closer than `minGapPx` merge into the most important one. */
export function placeMarkers(
  items: readonly HistoryEventItem[],
  view: TimeView,
  width: number,
  minGapPx = 7,
): PlacedMarker[] {
  const out: PlacedMarker[] = [];
  for (const item of items) {
    if (item.ts < view.from || item.ts > view.to) continue;
    const x = timeToX(item.ts, view, width);
    const last = out[out.length - 1];
    if (last && x - last.x < minGapPx) {
      last.count++;
      if (rank(item) < rank(last.item)) last.item = item;
      continue;
    }
    out.push({ x, item, count: 1 });
  }
  return out;
}
