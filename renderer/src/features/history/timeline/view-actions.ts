import { playbackStore } from '../../../state/playback-store';
import { fitView, zoomAt } from '../../../state/timeline-math';

/** Zooms the timeline by `factor` (< 1 zooms in) around the playhead when replaying, else the view's middle. */
export function zoomTimeline(factor: number): void {
  const s = playbackStore.getState();
  if (!s.view) return;
  const anchor = s.mode === 'replay' ? s.playhead : (s.view.from + s.view.to) / 2;
  playbackStore.setState({ view: zoomAt(s.view, anchor, factor, s.range) });
}

/** Shows all stored history; live, the view then keeps fitting it as it grows (history-sync.ts). */
export function fitTimeline(): void {
  const range = playbackStore.getState().range;
  if (range) playbackStore.setState({ view: fitView(range) });
}
