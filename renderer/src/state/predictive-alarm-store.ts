/**
 * The predictive alarm of the deployed normal-behaviour model (ISA-18.2 states, core/alarms/predictive-alarm),
 * shown in the alarm list apart from the limit alarms; fed by the displayed verdicts (live, or the replay
 * playhead's).
 */
import { createStore } from 'zustand/vanilla';
import {
  acknowledgePredictiveAlarm,
  nextPredictiveAlarm,
  type PredictiveAlarm,
  type PredictiveRow,
} from '../../../core/alarms/predictive-alarm';

export const predictiveAlarmStore = createStore<{ alarm: PredictiveAlarm | null }>(() => ({ alarm: null }));

export const feedPredictiveAlarm = (row: PredictiveRow) =>
  predictiveAlarmStore.setState((s) => ({ alarm: nextPredictiveAlarm(s.alarm, row) }));

export const acknowledgePredictive = () =>
  predictiveAlarmStore.setState((s) => ({ alarm: acknowledgePredictiveAlarm(s.alarm) }));

export const clearPredictiveAlarm = () => predictiveAlarmStore.setState({ alarm: null });
