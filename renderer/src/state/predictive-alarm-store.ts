/**
 * The predictive alarm of the deployed normal-behaviour model (ISA-18.2 states, core/alarms/predictive-alarm),
 * shown in the alarm list apart from the limit alarms. Live it is the backend's (`live`: raised, recorded and
 * acknowledged there, the same for every client); in replay it is computed here from the replayed rows
 * (`replay`).
 */
import { createStore } from 'zustand/vanilla';
import {
  acknowledgePredictiveAlarm,
  nextPredictiveAlarm,
  type PredictiveAlarm,
  type PredictiveRow,
} from '../../../core/alarms/predictive-alarm';

export const predictiveAlarmStore = createStore<{
  live: PredictiveAlarm | null;
  replay: PredictiveAlarm | null;
}>(() => ({ live: null, replay: null }));

/** The alarm to show: the backend's while live, the replayed one in replay. */
export const shownPredictiveAlarm = (
  s: { live: PredictiveAlarm | null; replay: PredictiveAlarm | null },
  mode: 'live' | 'replay' | 'preview',
): PredictiveAlarm | null => (mode === 'live' ? s.live : s.replay);

/** The backend's predictive alarm, from an alarms event or the session. */
export const setLivePredictiveAlarm = (alarm: PredictiveAlarm | null) =>
  predictiveAlarmStore.setState({ live: alarm });

export const feedReplayPredictiveAlarm = (row: PredictiveRow) =>
  predictiveAlarmStore.setState((s) => ({ replay: nextPredictiveAlarm(s.replay, row) }));

export const acknowledgeReplayPredictive = () =>
  predictiveAlarmStore.setState((s) => ({ replay: acknowledgePredictiveAlarm(s.replay) }));

export const clearReplayPredictiveAlarm = () => predictiveAlarmStore.setState({ replay: null });
