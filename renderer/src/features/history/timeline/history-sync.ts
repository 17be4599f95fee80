import type { HistoryInfo } from '../../../../../core/api/domains/history';
import type { TwinClient } from '../../../../../core/api/twin-api';
import { goLive, playbackStore, type PlaybackState } from '../../../state/playback-store';
import { clampView, fitView, type TimeView } from '../../../state/timeline-math';

/** What the timeline shows at first: the last hour, or all of it when less is stored. */
const DEFAULT_SPAN_MS = 3_600_000;

/** The view after the stored span grew: live keeps its width and slides to the newest sample. */
export function viewAfterGrowth(view: TimeView | null, range: TimeView, live: boolean): TimeView {
  if (!view) return clampView({ from: range.to - DEFAULT_SPAN_MS, to: range.to }, range);
  if (!live) return view;
  const span = view.to - view.from;
  return clampView({ from: range.to - span, to: range.to }, range);
}

/**
 * The view once the stored span is `range`. Live, a view that showed everything stored keeps doing so: while
 * it is narrower than the default span (history just started) it grows up to that span, and wider (the user
 * chose Fit or zoomed out to everything) it keeps fitting the whole span as it grows.
 */
export function viewForRange(s: Pick<PlaybackState, 'mode' | 'view' | 'range'>, range: TimeView): TimeView {
  const { view, range: before } = s;
  const live = s.mode === 'live';
  if (!live || !view || !before || view.from > before.from || view.to < before.to)
    return viewAfterGrowth(view, range, live);
  return view.to - view.from > DEFAULT_SPAN_MS ? fitView(range) : viewAfterGrowth(null, range, true);
}

/** Takes a new stored span into the playback store. */
export function applyRange(range: TimeView): void {
  playbackStore.setState({ range, view: viewForRange(playbackStore.getState(), range) });
}

/** Keeps the playback store's stored span current; returns the unsubscribe function. */
export function startHistorySync(
  client: TwinClient,
  onInfo: (info: HistoryInfo) => void,
  onNewEvents: () => void,
): () => void {
  let assetId: string | null = null;
  const load = () =>
    client
      .historyInfo({})
      .then((info) => {
        onInfo(info);
        if (info.from !== null && info.to !== null) applyRange({ from: info.from, to: info.to });
        else playbackStore.setState({ range: null, view: null });
      })
      .catch(() => undefined);
  const unsubscribe = client.subscribe((event) => {
    if (event.type === 'history-range') {
      if (assetId !== null && assetId !== event.assetId) {
        // Another asset's history: start over with its span.
        goLive();
        playbackStore.setState({ view: null });
      }
      assetId = event.assetId;
      applyRange({ from: event.from, to: event.to });
      if (event.newEvents > 0) onNewEvents();
    } else if (event.type === 'connection' && event.connection.kind === 'connected') void load();
    else if (event.type === 'session' || event.type === 'history-view') {
      // Another asset, or another history of it (a trainer run, the plant's again): start over with its span.
      goLive();
      playbackStore.setState({ range: null, view: null });
      void load();
    }
  });
  void load();
  return unsubscribe;
}
