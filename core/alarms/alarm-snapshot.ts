import type { PredictiveAlarm } from './predictive-alarm';
import type { Alarm } from './types';

/** The alarms standing now, as the backend publishes them to every client. */
export interface AlarmSnapshot {
  alarms: Alarm[];
  /**
   * The deployed normal-behaviour model's predictive alarm, apart from the limit alarms: null when none
   * stands; absent where the source raises none (background assets).
   */
  predictive?: PredictiveAlarm | null;
}
