/**
 * The predictive alarm of a model of normal behaviour, kept apart from the limit alarms: ISA-18.2 states
 * driven by the model's alarm latch (persistence and hysteresis already applied) and by acknowledgement.
 * unack → ack → cleared when the latch drops; unack → rtn-unack when the latch drops first, cleared on ack.
 */
import type { AlarmPriority } from './types';

export const PREDICTIVE_ALARM_ID = 'normal-behaviour:predictive';
/** ISA-18.2 priority of a predictive alarm: an early warning, below the limit alarms' high. */
export const PREDICTIVE_PRIORITY: AlarmPriority = 'medium';

export interface PredictiveAlarm {
  id: typeof PREDICTIVE_ALARM_ID;
  priority: AlarmPriority;
  state: 'unack' | 'ack' | 'rtn-unack';
  /** Whether the model's latch is still raised. */
  active: boolean;
  /** Time of the row that raised it, ms since epoch. */
  raisedAt: number;
  /** Largest score while raised, and the threshold it is compared with (z units). */
  peakScore: number;
  threshold: number;
  /** Tags driving the score when it was last updated, strongest first. */
  why: string[];
  /** Part carrying the strongest tag (null when no part lists it). */
  componentId: string | null;
}

/** The model's verdict for one scored row. */
export interface PredictiveRow {
  at: number;
  alarm: boolean;
  score: number;
  threshold: number;
  why: string[];
  componentId: string | null;
}

/** The alarm after one scored row; null when there is none (never raised, or cleared after acknowledgement). */
export function nextPredictiveAlarm(
  prev: PredictiveAlarm | null,
  row: PredictiveRow,
): PredictiveAlarm | null {
  if (!prev) {
    if (!row.alarm) return null;
    return {
      id: PREDICTIVE_ALARM_ID,
      priority: PREDICTIVE_PRIORITY,
      state: 'unack',
      active: true,
      raisedAt: row.at,
      peakScore: row.score,
      threshold: row.threshold,
      why: row.why,
      componentId: row.componentId,
    };
  }
  if (row.alarm) {
    const peak = Math.max(prev.peakScore, Number.isFinite(row.score) ? row.score : prev.peakScore);
    // Returned to normal but not yet acknowledged, then raised again: unacknowledged once more.
    const state = prev.state === 'rtn-unack' ? 'unack' : prev.state;
    return { ...prev, state, active: true, peakScore: peak, why: row.why, componentId: row.componentId };
  }
  if (!prev.active) return prev;
  if (prev.state === 'ack') return null;
  return { ...prev, state: 'rtn-unack', active: false };
}

/** The alarm after the operator acknowledges it; null when acknowledging clears it. */
export function acknowledgePredictiveAlarm(prev: PredictiveAlarm | null): PredictiveAlarm | null {
  if (!prev) return null;
  if (prev.state === 'rtn-unack') return null;
  if (prev.state === 'unack') return { ...prev, state: 'ack' };
  return prev;
}
