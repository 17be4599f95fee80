import { createStore } from 'zustand/vanilla';
import type { Alarm } from '../../../core/api/types';

export interface PlaybackState {
  /**
   * 'live' follows the newest sample; 'replay' shows the state at the playhead from history; 'preview' shows
   * a what-if's predicted state at a future time (values set by renderer/src/whatif).
   */
  mode: 'live' | 'replay' | 'preview';
  /** Playhead, simulated ms since epoch (replay only). */
  playhead: number;
  /** Values at the playhead, in asset tag order (replay only). */
  values: Float32Array | null;
  quality: Uint8Array | null;
  /** Alarms as they stood at the playhead (replay only). */
  alarms: Alarm[] | null;
  /** Replay is advancing the playhead by itself. */
  playing: boolean;
  /** Replay speed: simulated seconds per wall second. */
  speed: number;
  /** Stored span of history; null until known or when history is off. */
  range: { from: number; to: number } | null;
  /** Time span the timeline (and the Selection charts when replaying) show; null until history has data. */
  view: { from: number; to: number } | null;
}

export const playbackStore = createStore<PlaybackState>(() => ({
  mode: 'live',
  playhead: 0,
  values: null,
  quality: null,
  alarms: null,
  playing: false,
  speed: 60,
  range: null,
  view: null,
}));

export const goLive = () =>
  playbackStore.setState({ mode: 'live', values: null, quality: null, alarms: null, playing: false });
