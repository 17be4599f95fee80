/** Pure time ↔ pixel arithmetic of the timeline: mapping, zoom, ticks, playhead steps. Times are ms (UTC). */
import { activeLanguage } from '../i18n/i18n';

export interface TimeView {
  from: number;
  to: number;
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** Narrowest view: one minute. */
export const MIN_SPAN_MS = M;
/** Replay speeds offered (simulated seconds per wall second). */
export const REPLAY_SPEEDS = [1, 10, 60, 100, 600, 1000, 3600, 10_000] as const;

/** Tick steps a reader can count in. */
const NICE_STEPS = [
  S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S,
  M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M,
  H, 2 * H, 3 * H, 6 * H, 12 * H,
  D, 2 * D, 7 * D, 14 * D, 30 * D,
]; // prettier-ignore

export function timeToX(t: number, view: TimeView, width: number): number {
  const span = view.to - view.from;
  return span > 0 ? ((t - view.from) / span) * width : 0;
}

export function xToTime(x: number, view: TimeView, width: number): number {
  return width > 0 ? view.from + (x / width) * (view.to - view.from) : view.from;
}

/** Keeps a view inside the stored span (when it fits) and at least MIN_SPAN_MS wide. */
export function clampView(view: TimeView, bounds: TimeView | null): TimeView {
  let { from, to } = view;
  if (to - from < MIN_SPAN_MS) {
    const mid = (from + to) / 2;
    from = mid - MIN_SPAN_MS / 2;
    to = mid + MIN_SPAN_MS / 2;
  }
  if (bounds) {
    const span = to - from;
    const boundsSpan = Math.max(bounds.to - bounds.from, MIN_SPAN_MS);
    if (span >= boundsSpan) return fitView(bounds);
    if (from < bounds.from) [from, to] = [bounds.from, bounds.from + span];
    if (to > bounds.to) [from, to] = [bounds.to - span, bounds.to];
  }
  return { from: Math.round(from), to: Math.round(to) };
}

/** Zooms by `factor` (< 1 zooms in) keeping the time under the anchor where it is on screen. */
export function zoomAt(view: TimeView, anchor: number, factor: number, bounds: TimeView | null): TimeView {
  const from = anchor - (anchor - view.from) * factor;
  const to = anchor + (view.to - anchor) * factor;
  return clampView({ from, to }, bounds);
}

/** The whole stored span (at least MIN_SPAN_MS, ending at its newest sample). */
export function fitView(range: TimeView): TimeView {
  const span = Math.max(range.to - range.from, MIN_SPAN_MS);
  return { from: range.to - span, to: range.to };
}

/** The nicest step that puts ticks at least minPx apart. */
export function tickStep(spanMs: number, width: number, minPx = 90): number {
  const wanted = (spanMs * minPx) / Math.max(1, width);
  return NICE_STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / (30 * D)) * 30 * D;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** UTC tick label: the date at midnight or for day steps, else the clock (seconds only for sub-minute steps). */
export function tickLabel(t: number, step: number): string {
  const d = new Date(t);
  // The locale's short month and day: "Jan 02", "1月02日".
  const date = new Intl.DateTimeFormat(activeLanguage(), {
    month: 'short',
    day: '2-digit',
    timeZone: 'UTC',
  }).format(d);
  if (step >= D || t % D === 0) return date;
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return step < M ? `${clock}:${pad(d.getUTCSeconds())}` : clock;
}

export function ticks(view: TimeView, width: number, minPx = 90): { t: number; x: number; label: string }[] {
  const step = tickStep(view.to - view.from, width, minPx);
  const out: { t: number; x: number; label: string }[] = [];
  for (let t = Math.ceil(view.from / step) * step; t <= view.to; t += step)
    out.push({ t, x: timeToX(t, view, width), label: tickLabel(t, step) });
  return out;
}

/** What ←/→ move the playhead by: about 1/100 of the view, on a nice step, at least one sample (1 s). */
export function stepSize(view: TimeView): number {
  return Math.max(S, tickStep(view.to - view.from, 100, 1));
}

/** Advances a playing playhead by wall time × speed; stops at `end`. */
export function advancePlayhead(
  playhead: number,
  wallMs: number,
  speed: number,
  end: number,
): { playhead: number; ended: boolean } {
  const next = playhead + wallMs * speed;
  return next >= end ? { playhead: end, ended: true } : { playhead: next, ended: false };
}

/** Keeps the playhead visible: pans the view (same span) when it leaves it. */
export function followPlayhead(view: TimeView, playhead: number, bounds: TimeView | null): TimeView {
  if (playhead >= view.from && playhead <= view.to) return view;
  const span = view.to - view.from;
  const from = playhead > view.to ? playhead - span * 0.1 : playhead - span * 0.9;
  return clampView({ from, to: from + span }, bounds);
}
