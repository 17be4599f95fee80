import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useStore } from 'zustand';
import type { HistoryEventItem, HistoryWindow } from '../../../../../core/api/domains/history';
import { markerStyle, placeMarkers } from './event-markers';
import type { ReplayController } from '../../../state/replay-controller';
import { ticks, timeToX, xToTime, zoomAt, type TimeView } from '../../../state/timeline-math';
import { fitTimeline } from './view-actions';
import { playbackStore } from '../../../state/playback-store';
import { formatDateTime } from '../../../format';
import { useLocalizedAsset } from '../../../hooks/use-localized-asset';
import { eventLabel } from './event-label';

const WHEEL_ZOOM = 1.25;
const SELECT_MIN_PX = 5;

interface Props {
  controller: ReplayController;
  events: HistoryEventItem[];
  overview: HistoryWindow | null;
  overviewLabel: string;
  /** Normal band of the overview tag: the band's scale always covers it, so a steady signal sits mid-track. */
  normal: readonly [number, number] | null;
}

/** Draws the overview band (min/max per pixel column of one tag) into a canvas the size of the track. */
function drawOverview(
  canvas: HTMLCanvasElement,
  overview: HistoryWindow | null,
  view: TimeView,
  normal: readonly [number, number] | null,
): void {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const g = canvas.getContext('2d');
  if (!g) return;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  const s = overview?.series[0];
  if (!overview || !s) return;
  let lo = normal?.[0] ?? Infinity;
  let hi = normal?.[1] ?? -Infinity;
  s.min.forEach((v) => v !== null && (lo = Math.min(lo, v)));
  s.max.forEach((v) => v !== null && (hi = Math.max(hi, v)));
  if (!Number.isFinite(lo)) return;
  const span = hi - lo || 1;
  const y = (v: number) => h - 3 - ((v - lo) / span) * (h - 6);
  const colW = Math.max(1, (overview.bucketMs / (view.to - view.from)) * w);
  g.fillStyle = '#9da2a9';
  overview.t.forEach((t, i) => {
    const mn = s.min[i];
    const mx = s.max[i];
    if (mn === null || mn === undefined || mx === null || mx === undefined) return;
    const x = timeToX(t, view, w);
    g.fillRect(x, y(mx), colW, Math.max(1, y(mn) - y(mx)));
  });
}

/** Scrub track: overview band, ticks, event markers, playhead; drag scrubs, Shift+drag zooms, wheel zooms. */
export function TimelineTrack({ controller, events, overview, overviewLabel, normal }: Props) {
  const { t } = useTranslation('history');
  const names = useLocalizedAsset();
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(800);
  const [selection, setSelection] = useState<{ a: number; b: number } | null>(null);
  const view = useStore(playbackStore, (s) => s.view);
  const range = useStore(playbackStore, (s) => s.range);
  const mode = useStore(playbackStore, (s) => s.mode);
  const playhead = useStore(playbackStore, (s) => s.playhead);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (canvas.current && view) drawOverview(canvas.current, overview, view, normal);
  }, [overview, view, width, normal]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const s = playbackStore.getState();
      if (!s.view) return;
      e.preventDefault();
      const anchor = xToTime(e.clientX - el.getBoundingClientRect().left, s.view, el.clientWidth);
      const view = zoomAt(s.view, anchor, e.deltaY > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, s.range);
      playbackStore.setState({ view });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  if (!view || !range) {
    return (
      <div ref={host} className="timeline-track empty" data-testid="timeline-track">
        <span className="muted">{t('timeline.empty')}</span>
      </div>
    );
  }

  const localX = (e: ReactPointerEvent) => e.clientX - (host.current?.getBoundingClientRect().left ?? 0);
  const onDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || (e.target as HTMLElement).closest('.timeline-marker')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const x = localX(e);
    if (e.shiftKey) setSelection({ a: x, b: x });
    else controller.seek(xToTime(x, view, width));
  };
  const onMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const x = Math.max(0, Math.min(width, localX(e)));
    if (selection) setSelection({ ...selection, b: x });
    else controller.seek(xToTime(x, view, width));
  };
  const onUp = () => {
    if (selection && Math.abs(selection.b - selection.a) >= SELECT_MIN_PX) {
      const a = xToTime(Math.min(selection.a, selection.b), view, width);
      const b = xToTime(Math.max(selection.a, selection.b), view, width);
      playbackStore.setState({ view: zoomAt({ from: a, to: b }, a, 1, range) });
    }
    setSelection(null);
  };

  const tickList = ticks(view, width);
  const markers = placeMarkers(events, view, width);
  const headX = mode === 'replay' ? timeToX(playhead, view, width) : null;
  const liveX = timeToX(range.to, view, width);

  return (
    <div
      ref={host}
      className="timeline-track"
      data-testid="timeline-track"
      data-from={view.from}
      data-to={view.to}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onDoubleClick={fitTimeline}
      title={`${t('timeline.trackTitle')}\n${t('timeline.band', { tag: overviewLabel })}`}
    >
      <canvas ref={canvas} className="timeline-overview" aria-hidden="true" />
      <div
        className="timeline-stored"
        style={{
          left: Math.max(0, timeToX(range.from, view, width)),
          width: Math.max(0, Math.min(width, liveX) - Math.max(0, timeToX(range.from, view, width))),
        }}
      />
      {tickList.map((t) => (
        <span key={t.t} className="timeline-tick" style={{ left: t.x }}>
          <span className="timeline-tick-label num">{t.label}</span>
        </span>
      ))}
      {markers.map((m) => {
        const style = markerStyle(m.item);
        return (
          <button
            key={`${m.item.ts}-${m.item.kind}-${m.x}`}
            type="button"
            className={`timeline-marker ${style.className}`}
            style={{ left: m.x }}
            data-testid="timeline-marker"
            data-kind={m.item.kind}
            data-ts={m.item.ts}
            title={`${formatDateTime(m.item.ts)} UTC\n${eventLabel(m.item, names)}${m.count > 1 ? `\n${t('timeline.moreHere', { count: m.count - 1 })}` : ''}`}
            onClick={() => controller.seek(m.item.ts)}
          >
            {style.shape}
          </button>
        );
      })}
      {liveX >= 0 && liveX <= width && <span className="timeline-live-edge" style={{ left: liveX }} />}
      {headX !== null && headX >= 0 && headX <= width && (
        <span className="timeline-playhead" style={{ left: headX }} data-testid="timeline-playhead" />
      )}
      {selection && (
        <span
          className="timeline-selection"
          style={{ left: Math.min(selection.a, selection.b), width: Math.abs(selection.b - selection.a) }}
        />
      )}
    </div>
  );
}
