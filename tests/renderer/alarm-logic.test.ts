import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../core/api/types';
import {
  alarmRowClass,
  compareAlarms,
  countByPriority,
  needsAck,
  splitAlarms,
  worstAlarm,
  worstAlarmByTag,
} from '../../renderer/src/features/live/alarm-logic';

const alarm = (over: Partial<Alarm> & Pick<Alarm, 'id'>): Alarm => ({
  tagId: over.id.split(':')[0] ?? 'tag',
  componentId: 'pump',
  kind: 'alarm-high',
  priority: 'medium',
  state: 'unack',
  active: true,
  limit: 1,
  value: 2,
  raisedAt: 1000,
  message: 'high',
  ...over,
});

describe('alarm list order (ISA-18.2)', () => {
  it('puts unacknowledged first, then returned-unack, then acknowledged', () => {
    const list = [
      alarm({ id: 'a:alarm-high', state: 'ack', priority: 'high' }),
      alarm({ id: 'b:alarm-high', state: 'rtn-unack', priority: 'high' }),
      alarm({ id: 'c:alarm-high', state: 'unack', priority: 'low' }),
    ].sort(compareAlarms);
    expect(list.map((a) => a.state)).toEqual(['unack', 'rtn-unack', 'ack']);
  });

  it('orders by priority within a state, then newest first', () => {
    const list = [
      alarm({ id: 'a:x', priority: 'low', raisedAt: 5 }),
      alarm({ id: 'b:x', priority: 'high', raisedAt: 1 }),
      alarm({ id: 'c:x', priority: 'high', raisedAt: 9 }),
      alarm({ id: 'd:x', priority: 'medium', raisedAt: 3 }),
    ].sort(compareAlarms);
    expect(list.map((a) => a.id)).toEqual(['c:x', 'b:x', 'd:x', 'a:x']);
  });

  it('keeps shelved alarms on their own list, soonest expiry first', () => {
    const { visible, shelved } = splitAlarms([
      alarm({ id: 'a:x', state: 'shelved', shelvedUntil: 900 }),
      alarm({ id: 'b:x' }),
      alarm({ id: 'c:x', state: 'shelved', shelvedUntil: 100 }),
    ]);
    expect(visible.map((a) => a.id)).toEqual(['b:x']);
    expect(shelved.map((a) => a.id)).toEqual(['c:x', 'a:x']);
  });
});

describe('alarm summaries', () => {
  it('counts by priority without shelved alarms', () => {
    expect(
      countByPriority([
        alarm({ id: 'a:x', priority: 'high' }),
        alarm({ id: 'b:x', priority: 'high', state: 'ack' }),
        alarm({ id: 'c:x', priority: 'medium', state: 'shelved' }),
        alarm({ id: 'd:x', priority: 'low', state: 'rtn-unack' }),
      ]),
    ).toEqual({ high: 2, medium: 0, low: 1 });
  });

  it('acks only unacknowledged and returned-unack alarms', () => {
    expect(
      ['unack', 'ack', 'rtn-unack', 'shelved'].map((state) =>
        needsAck(alarm({ id: 'a:x', state: state as Alarm['state'] })),
      ),
    ).toEqual([true, false, true, false]);
  });

  it('finds the worst alarm per tag by priority, then state', () => {
    const trip = alarm({ id: 't1:trip-high', tagId: 't1', priority: 'high', state: 'ack' });
    const byTag = worstAlarmByTag([
      alarm({ id: 't1:alarm-high', tagId: 't1', priority: 'medium', state: 'unack' }),
      trip,
      alarm({ id: 't2:alarm-high', tagId: 't2', state: 'shelved' }),
    ]);
    expect(byTag.get('t1')).toBe(trip);
    expect(byTag.has('t2')).toBe(false);
    expect(worstAlarm([])).toBeNull();
    const unack = alarm({ id: 'x:1', priority: 'medium', state: 'unack' });
    expect(worstAlarm([alarm({ id: 'x:2', priority: 'medium', state: 'ack' }), unack])).toBe(unack);
  });

  it('codes rows by priority and state', () => {
    expect(alarmRowClass(undefined)).toBe('');
    expect(alarmRowClass(alarm({ id: 'a:x', priority: 'high', state: 'rtn-unack' }))).toBe(
      'has-alarm prio-high state-rtn-unack',
    );
  });
});
