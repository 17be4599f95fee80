import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { HistoryWindow } from '../../../core/api/domains/history';
import { getTwinClient } from '../api/client';
import { playbackStore } from '../state/playback-store';

const DEBOUNCE_MS = 120;
/** Buckets per chart: about one per pixel column of a side-panel chart. */
const BUCKETS = 360;

/** While replaying: the tags over the timeline's visible range, downsampled by the store; null when live. */
export function useReplayWindow(tagIds: readonly string[]): HistoryWindow | null {
  const replaying = useStore(playbackStore, (s) => s.mode === 'replay');
  const view = useStore(playbackStore, (s) => s.view);
  const [loaded, setLoaded] = useState<{ key: string; window: HistoryWindow | null } | null>(null);
  const key = tagIds.join(',');
  useEffect(() => {
    if (!replaying || !view || tagIds.length === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      getTwinClient()
        .historyWindow({ from: view.from, to: view.to, tagIds: [...tagIds], buckets: BUCKETS })
        .then(
          (window) => current && setLoaded({ key, window }),
          () => current && setLoaded({ key, window: null }),
        );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // tagIds is compared by content through `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [replaying, view, key]);
  // An answer for other tags (the selection changed) is not shown.
  return replaying && loaded?.key === key ? loaded.window : null;
}
