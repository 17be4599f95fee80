import type { PredictiveAlarm } from '../../../core/alarms/predictive-alarm';
import type { RecordedAlarm } from './store/store-types';

/**
 * The predictive alarm as a row of the history's alarm transitions: kind 'predictive', its strongest tag,
 * its peak score (z units) as the value, and the why in the message.
 */
export function predictiveRecord(alarm: PredictiveAlarm): RecordedAlarm {
  const top = alarm.why[0] ?? '';
  return {
    id: alarm.id,
    tagId: top,
    kind: 'predictive',
    priority: alarm.priority,
    value: alarm.peakScore,
    message:
      `Abnormal behaviour (normal-behaviour model)${top ? ` · ${top}` : ''}: score ` +
      `${alarm.peakScore.toFixed(2)} over threshold ${alarm.threshold.toFixed(2)}; why: ${alarm.why.join(', ') || '—'}`,
  };
}
