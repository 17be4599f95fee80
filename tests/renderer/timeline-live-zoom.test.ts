import { beforeEach, describe, expect, it } from 'vitest';
import { applyRange } from '../../renderer/src/features/history/timeline/history-sync';
import { fitTimeline, zoomTimeline } from '../../renderer/src/features/history/timeline/view-actions';
import { goLive, playbackStore } from '../../renderer/src/state/playback-store';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const view = () => playbackStore.getState().view;

/** History growing by one 5 s commit, as the backend's history-range events report it. */
function commit(): void {
  const range = playbackStore.getState().range!;
  applyRange({ from: range.from, to: range.to + 5000 });
}

describe('timeline Fit and Zoom out in LIVE (issue #17, problem 6)', () => {
  beforeEach(() => {
    goLive();
    playbackStore.setState({ range: null, view: null });
    // 90 minutes stored; live shows the default last hour.
    applyRange({ from: T0, to: T0 + 90 * MIN });
    expect(view()).toEqual({ from: T0 + 30 * MIN, to: T0 + 90 * MIN });
  });

  it('Fit shows all stored history and keeps showing all of it as live data arrives', () => {
    fitTimeline();
    expect(view()).toEqual({ from: T0, to: T0 + 90 * MIN });
    commit();
    commit();
    expect(view()).toEqual({ from: T0, to: T0 + 90 * MIN + 10_000 });
  });

  it('Zoom out widens the view and keeps it wider as live data arrives', () => {
    zoomTimeline(2);
    expect(view()).toEqual({ from: T0, to: T0 + 90 * MIN });
    commit();
    expect(view()).toEqual({ from: T0, to: T0 + 90 * MIN + 5000 });
    zoomTimeline(0.5);
    const span = view()!.to - view()!.from;
    commit();
    expect(view()!.to - view()!.from).toBe(span);
    expect(view()!.to).toBe(T0 + 90 * MIN + 10_000);
  });

  it('a live view narrower than the default still grows only up to the last hour', () => {
    goLive();
    playbackStore.setState({ range: null, view: null });
    applyRange({ from: T0, to: T0 + 50 * MIN });
    applyRange({ from: T0, to: T0 + 70 * MIN });
    expect(view()).toEqual({ from: T0 + 10 * MIN, to: T0 + 70 * MIN });
    applyRange({ from: T0, to: T0 + 80 * MIN });
    expect(view()).toEqual({ from: T0 + 20 * MIN, to: T0 + 80 * MIN });
  });
});
