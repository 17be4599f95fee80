import type { HistoryInfo } from '../../../../../core/api/domains/history';
import type { TwinClient } from '../../../../../core/api/twin-api';
import { goLive, playbackStore } from '../../../state/playback-store';
import { clampView, type TimeView } from '../../../state/timeline-math';

/** What the timeline shows at first: the last hour, or all of it when less is stored. */
const DEFAULT_SPAN_MS = 3_600_000;

/** The view after the stored span grew: live keeps its width and slides to the newest sample. */
export function viewAfterGrowth(view: TimeView | null, range: TimeView, live: boolean): TimeView {
  if (!view) return clampView({ from: range.to - DEFAULT_SPAN_MS, to: range.to }, range);
  if (!live) return view;
  const span = view.to - view.from;
  return clampView({ from: range.to - span, to: range.to }, range);
}

function applyRange(range: TimeView): void {
  const s = playbackStore.getState();
  const live = s.mode === 'live';
  // A live view that showed everything stored keeps doing so until the default span is filled.
  const showedAll =
    s.view !== null && s.range !== null && s.view.from <= s.range.from && s.view.to >= s.range.to;
  const view = live && showedAll ? viewAfterGrowth(null, range, true) : viewAfterGrowth(s.view, range, live);
  playbackStore.setState({ range, view });
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
