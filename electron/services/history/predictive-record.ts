import { PREDICTIVE_ALARM_ID, type PredictiveAlarm } from '../../../core/alarms/predictive-alarm';
import type { AlarmPriority } from '../../../core/alarms/types';
import type { AssetDefinition } from '../../../core/asset/schema';
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

/** One recorded transition of the predictive alarm: the columns predictiveRecord filled, and its state. */
export interface PredictiveTransitionRow {
  priority: string;
  to: 'unack' | 'ack' | 'rtn-unack';
  value: number | null;
  message: string;
  /** When the alarm standing then was raised. */
  raisedAt: number;
}

/** The predictive alarm as recorded (predictiveRecord's message read back): for replay. */
export function predictiveFromRecord(row: PredictiveTransitionRow, asset: AssetDefinition): PredictiveAlarm {
  const threshold = /over threshold (-?[\d.]+)/.exec(row.message)?.[1];
  const why = (/why: (.*)$/.exec(row.message)?.[1] ?? '').split(', ').filter((id) => id !== '' && id !== '—');
  return {
    id: PREDICTIVE_ALARM_ID,
    priority: row.priority as AlarmPriority,
    state: row.to,
    active: row.to !== 'rtn-unack',
    raisedAt: row.raisedAt,
    peakScore: row.value ?? Number.NaN,
    threshold: threshold === undefined ? Number.NaN : Number(threshold),
    why,
    componentId: asset.components.find((c) => why[0] !== undefined && c.tags.includes(why[0]))?.id ?? null,
  };
}
