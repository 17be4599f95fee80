import { useStore } from 'zustand';
import type { Alarm } from '../../../core/api/types';
import { playbackStore } from './playback-store';
import { sessionStore } from './session-store';

/** Alarms to show: as they stood at the playhead while replaying, otherwise the live ones. */
export function useDisplayedAlarms(): Alarm[] {
  const live = useStore(sessionStore, (s) => s.alarms);
  const atPlayhead = useStore(playbackStore, (s) => (s.mode === 'replay' ? s.alarms : null));
  return atPlayhead ?? live;
}
