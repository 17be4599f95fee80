import type { Alarm, AlarmPriority } from '../../../core/api/types';

/**
 * Alarm symbols, kept apart from the viridis data colormap: red / amber / magenta plus a distinct shape
 * and the priority number, so color is never the only cue (ISA-101 / ISA-18.2).
 */
export const ALARM_STYLE: Record<
  AlarmPriority,
  { color: string; shape: 'diamond' | 'triangle' | 'square'; text: string }
> = {
  high: { color: '#e0262b', shape: 'diamond', text: '1' },
  medium: { color: '#f29a18', shape: 'triangle', text: '2' },
  low: { color: '#c63fc6', shape: 'square', text: '3' },
};

const PRIORITY_RANK: Record<AlarmPriority, number> = { high: 3, medium: 2, low: 1 };
const STATE_RANK: Record<Alarm['state'], number> = { unack: 3, 'rtn-unack': 2, ack: 1, shelved: 0 };

/** The alarm a component's badge shows: highest priority, then the state that most needs attention. */
export function worstAlarm(alarms: Alarm[]): Alarm | null {
  let best: Alarm | null = null;
  for (const a of alarms) {
    if (a.state === 'shelved') continue;
    if (
      !best ||
      PRIORITY_RANK[a.priority] > PRIORITY_RANK[best.priority] ||
      (PRIORITY_RANK[a.priority] === PRIORITY_RANK[best.priority] &&
        STATE_RANK[a.state] > STATE_RANK[best.state])
    )
      best = a;
  }
  return best;
}
