import { createStore } from 'zustand/vanilla';
import type { Alarm } from '../../../core/api/types';

export interface PlaybackState {
  /** 'live' follows the newest sample; 'replay' shows the state at the playhead from history. */
  mode: 'live' | 'replay';
  /** Playhead, simulated ms since epoch (replay only). */
  playhead: number;
  /** Values at the playhead, in asset tag order (replay only). */
  values: Float32Array | null;
  quality: Uint8Array | null;
  /** Alarms as they stood at the playhead (replay only). */
  alarms: Alarm[] | null;
}

export const playbackStore = createStore<PlaybackState>(() => ({
  mode: 'live',
  playhead: 0,
  values: null,
  quality: null,
  alarms: null,
}));

export const goLive = () =>
  playbackStore.setState({ mode: 'live', values: null, quality: null, alarms: null });
