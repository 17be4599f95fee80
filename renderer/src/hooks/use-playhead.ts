import { useStore } from 'zustand';
import type { Alarm } from '../../../core/api/types';
import { playbackStore } from '../state/playback-store';

export interface PlayheadView {
  replaying: boolean;
  /** Values, quality and alarms at the playhead; null when live or not yet fetched. */
  values: Float32Array | null;
  quality: Uint8Array | null;
  alarms: Alarm[] | null;
}

/** The replay state panels show instead of live data while the timeline replays history. */
export function usePlayhead(): PlayheadView {
  const replaying = useStore(playbackStore, (s) => s.mode === 'replay');
  const values = useStore(playbackStore, (s) => s.values);
  const quality = useStore(playbackStore, (s) => s.quality);
  const alarms = useStore(playbackStore, (s) => s.alarms);
  return replaying
    ? { replaying, values, quality, alarms }
    : { replaying, values: null, quality: null, alarms: null };
}
