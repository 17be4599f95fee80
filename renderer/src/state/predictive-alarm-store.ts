/**
 * The predictive alarm of the deployed normal-behaviour model (ISA-18.2 states, core/alarms/predictive-alarm),
 * shown in the alarm list apart from the limit alarms. Live it is the backend's (`live`: raised, recorded and
 * acknowledged there, the same for every client). In replay it is the one the backend recorded at the
 * playhead (`recorded`, from historyAt, as the limit alarms are); where none was recorded (history imported
 * or recorded before a model ran), the one computed here from the replayed rows (`replay`), marked as such.
 */
import { createStore } from 'zustand/vanilla';
import {
  acknowledgePredictiveAlarm,
  nextPredictiveAlarm,
  type PredictiveAlarm,
  type PredictiveRow,
} from '../../../core/alarms/predictive-alarm';

interface PredictiveAlarms {
  live: PredictiveAlarm | null;
  /** Recorded in history at the replay playhead. */
  recorded: PredictiveAlarm | null;
  /** Computed from the replayed rows. */
  replay: PredictiveAlarm | null;
}

export const predictiveAlarmStore = createStore<PredictiveAlarms>(() => ({
  live: null,
  recorded: null,
  replay: null,
}));

/** Where the alarm shown comes from: the backend live, history's record, or the replayed rows. */
export type PredictiveAlarmSource = 'live' | 'recorded' | 'computed';

/** The alarm to show and where it comes from; null when there is none. */
export function shownPredictive(
  s: PredictiveAlarms,
  mode: 'live' | 'replay' | 'preview',
): { alarm: PredictiveAlarm; source: PredictiveAlarmSource } | null {
  if (mode === 'live') return s.live ? { alarm: s.live, source: 'live' } : null;
  if (s.recorded) return { alarm: s.recorded, source: 'recorded' };
  return s.replay ? { alarm: s.replay, source: 'computed' } : null;
}

/** The alarm to show: the backend's while live, in replay the recorded one, else the computed one. */
export const shownPredictiveAlarm = (
  s: PredictiveAlarms,
  mode: 'live' | 'replay' | 'preview',
): PredictiveAlarm | null => shownPredictive(s, mode)?.alarm ?? null;

/** The predictive alarm history recorded at the replay playhead (historyAt). */
export const setRecordedPredictiveAlarm = (alarm: PredictiveAlarm | null) =>
  predictiveAlarmStore.setState({ recorded: alarm });

/** The backend's predictive alarm, from an alarms event or the session. */
export const setLivePredictiveAlarm = (alarm: PredictiveAlarm | null) =>
  predictiveAlarmStore.setState({ live: alarm });

export const feedReplayPredictiveAlarm = (row: PredictiveRow) =>
  predictiveAlarmStore.setState((s) => ({ replay: nextPredictiveAlarm(s.replay, row) }));

export const acknowledgeReplayPredictive = () =>
  predictiveAlarmStore.setState((s) => ({ replay: acknowledgePredictiveAlarm(s.replay) }));

export const clearReplayPredictiveAlarm = () => predictiveAlarmStore.setState({ replay: null });
