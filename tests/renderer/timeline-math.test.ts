import { describe, expect, it } from 'vitest';
import {
  MIN_SPAN_MS,
  advancePlayhead,
  clampView,
  fitView,
  followPlayhead,
  stepSize,
  tickLabel,
  tickStep,
  ticks,
  timeToX,
  xToTime,
  zoomAt,
} from '../../renderer/src/state/timeline-math';

const T0 = Date.UTC(2026, 0, 1);
const H = 3_600_000;
const day = { from: T0, to: T0 + 24 * H };

describe('timeline time ↔ pixel mapping', () => {
  it('maps the view onto the track width and back', () => {
    expect(timeToX(T0 + 12 * H, day, 1000)).toBe(500);
    expect(xToTime(250, day, 1000)).toBe(T0 + 6 * H);
    expect(xToTime(timeToX(T0 + 1234567, day, 777), day, 777)).toBeCloseTo(T0 + 1234567, 3);
  });
});

describe('timeline zoom', () => {
  it('keeps the time under the cursor in place', () => {
    const anchor = T0 + 6 * H;
    const z = zoomAt(day, anchor, 0.5, day);
    expect(z.to - z.from).toBe(12 * H);
    expect(timeToX(anchor, z, 1000)).toBeCloseTo(timeToX(anchor, day, 1000), 0);
  });
  it('never zooms narrower than a minute nor past the stored span', () => {
    const tiny = zoomAt(day, T0 + H, 1e-9, day);
    expect(tiny.to - tiny.from).toBe(MIN_SPAN_MS);
    expect(zoomAt({ from: T0, to: T0 + H }, T0, 1000, day)).toEqual(day);
    // Panning past the newest sample is pulled back inside.
    expect(clampView({ from: T0 + 23 * H, to: T0 + 25 * H }, day)).toEqual({
      from: T0 + 22 * H,
      to: T0 + 24 * H,
    });
  });
  it('fits the stored span, at least one minute wide', () => {
    expect(fitView(day)).toEqual(day);
    expect(fitView({ from: T0, to: T0 + 5000 })).toEqual({ from: T0 + 5000 - MIN_SPAN_MS, to: T0 + 5000 });
  });
});

describe('timeline ticks', () => {
  it('chooses a nice step at least ~90 px apart', () => {
    expect(tickStep(24 * H, 1200)).toBe(2 * H);
    expect(tickStep(10 * 60_000, 1200)).toBe(60_000);
    expect(tickStep(30 * 24 * H, 1200)).toBe(7 * 24 * H);
  });
  it('labels in UTC: dates at midnight, seconds only for sub-minute steps', () => {
    expect(tickLabel(T0 + 13 * H + 5 * 60_000, H)).toBe('13:05');
    expect(tickLabel(T0 + 24 * H, H)).toBe('Jan 02');
    expect(tickLabel(T0 + 61_000, 5000)).toBe('00:01:01');
    const t = ticks({ from: T0 + 30 * 60_000, to: T0 + 3 * H }, 300);
    expect(t.map((x) => x.label)).toEqual(['01:00', '02:00', '03:00']);
    expect(t[0]?.x).toBeCloseTo(60);
  });
});

describe('timeline playhead', () => {
  it('steps by about a hundredth of the view, never less than a sample', () => {
    expect(stepSize(day)).toBe(15 * 60_000);
    expect(stepSize({ from: T0, to: T0 + 60_000 })).toBe(1000);
  });
  it('advances by wall time × speed and stops at the end', () => {
    expect(advancePlayhead(T0, 100, 1000, T0 + H)).toEqual({ playhead: T0 + 100_000, ended: false });
    expect(advancePlayhead(T0 + H - 10, 100, 1000, T0 + H)).toEqual({ playhead: T0 + H, ended: true });
  });
  it('pans the view to keep a playing playhead visible', () => {
    const v = { from: T0, to: T0 + H };
    expect(followPlayhead(v, T0 + H / 2, day)).toBe(v);
    const moved = followPlayhead(v, T0 + 2 * H, day);
    expect(moved.to - moved.from).toBe(H);
    expect(moved.from).toBeLessThan(T0 + 2 * H);
    expect(moved.to).toBeGreaterThan(T0 + 2 * H);
  });
});
