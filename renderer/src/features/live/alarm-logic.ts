import type { Alarm, AlarmPriority, AlarmState } from '../../../../core/api/types';

/** Redundant coding of an alarm priority: shape + CSS class (color); its word is `common:priority.*`. */
export interface PriorityCoding {
  shape: string;
  className: string;
}

export const priorityCoding: Record<AlarmPriority, PriorityCoding> = {
  high: { shape: '▲', className: 'prio-high' },
  medium: { shape: '◆', className: 'prio-medium' },
  low: { shape: '▼', className: 'prio-low' },
};

const priorityRank: Record<AlarmPriority, number> = { high: 0, medium: 1, low: 2 };
const stateRank: Record<AlarmState, number> = { unack: 0, 'rtn-unack': 1, ack: 2, shelved: 3 };

/** ISA-18.2 list order: unacknowledged first, then priority, then newest first; stable by id. */
export function compareAlarms(a: Alarm, b: Alarm): number {
  return (
    stateRank[a.state] - stateRank[b.state] ||
    priorityRank[a.priority] - priorityRank[b.priority] ||
    b.raisedAt - a.raisedAt ||
    a.id.localeCompare(b.id)
  );
}

export interface AlarmLists {
  /** Alarms shown in the main list (unack, ack, rtn-unack), sorted. */
  visible: Alarm[];
  /** Shelved alarms, soonest to expire first. */
  shelved: Alarm[];
}

export function splitAlarms(alarms: readonly Alarm[]): AlarmLists {
  const visible = alarms.filter((a) => a.state !== 'shelved').sort(compareAlarms);
  const shelved = alarms
    .filter((a) => a.state === 'shelved')
    .sort((a, b) => (a.shelvedUntil ?? Infinity) - (b.shelvedUntil ?? Infinity) || a.id.localeCompare(b.id));
  return { visible, shelved };
}

/** Alarms that an "Ack all" acknowledges. */
export function needsAck(alarm: Alarm): boolean {
  return alarm.state === 'unack' || alarm.state === 'rtn-unack';
}

export type PriorityCounts = Record<AlarmPriority, number>;

/** Counts of alarms in the main list (not shelved) by priority. */
export function countByPriority(alarms: readonly Alarm[]): PriorityCounts {
  const counts: PriorityCounts = { high: 0, medium: 0, low: 0 };
  for (const a of alarms) if (a.state !== 'shelved') counts[a.priority]++;
  return counts;
}

/** The most urgent of a set of alarms (shelved ones ignored), or null when none. */
export function worstAlarm(alarms: Iterable<Alarm>): Alarm | null {
  let worst: Alarm | null = null;
  for (const a of alarms) {
    if (a.state === 'shelved') continue;
    if (!worst) worst = a;
    else {
      const byPriority = priorityRank[a.priority] - priorityRank[worst.priority];
      if (byPriority < 0 || (byPriority === 0 && stateRank[a.state] < stateRank[worst.state])) worst = a;
    }
  }
  return worst;
}

/** The worst non-shelved alarm per tag id. */
export function worstAlarmByTag(alarms: readonly Alarm[]): Map<string, Alarm> {
  const byTag = new Map<string, Alarm[]>();
  for (const a of alarms) {
    const list = byTag.get(a.tagId);
    if (list) list.push(a);
    else byTag.set(a.tagId, [a]);
  }
  const out = new Map<string, Alarm>();
  for (const [tagId, list] of byTag) {
    const w = worstAlarm(list);
    if (w) out.set(tagId, w);
  }
  return out;
}

/** CSS class for a row coded by its worst alarm: priority color + state (flash/steady/outline). */
export function alarmRowClass(alarm: Alarm | null | undefined): string {
  if (!alarm) return '';
  return `has-alarm ${priorityCoding[alarm.priority].className} state-${alarm.state}`;
}
