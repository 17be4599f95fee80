import { describe, expect, it } from 'vitest';
import {
  acknowledgePredictiveAlarm,
  nextPredictiveAlarm,
  type PredictiveAlarm,
  type PredictiveRow,
} from '../../../core/alarms/predictive-alarm';

const row = (at: number, alarm: boolean, score = alarm ? 6 : 1, why = ['flow_rate']): PredictiveRow => ({
  at,
  alarm,
  score,
  threshold: 4.5,
  why,
  componentId: 'flow_meter',
});

/** Feeds latch verdicts in order, acknowledging after the rows listed in `ackAfter`. */
function run(alarms: boolean[], ackAfter: number[] = []): (PredictiveAlarm | null)[] {
  let state: PredictiveAlarm | null = null;
  return alarms.map((a, i) => {
    state = nextPredictiveAlarm(state, row(i * 1000, a));
    if (ackAfter.includes(i)) state = acknowledgePredictiveAlarm(state);
    return state;
  });
}

describe('predictive alarm driven by the normal model latch', () => {
  it('stays absent while the latch is down', () => {
    expect(run([false, false, false])).toEqual([null, null, null]);
  });

  it('is raised unacknowledged on the row the latch rises, naming the tags and part driving the score', () => {
    const [, raised] = run([false, true]);
    expect(raised).toMatchObject({
      state: 'unack',
      active: true,
      raisedAt: 1000,
      why: ['flow_rate'],
      componentId: 'flow_meter',
      priority: 'medium',
    });
  });

  it('keeps the raise time and the peak score while raised', () => {
    let state = nextPredictiveAlarm(null, row(0, true, 5));
    state = nextPredictiveAlarm(state, row(1000, true, 9, ['loop_pressure', 'flow_rate']));
    state = nextPredictiveAlarm(state, row(2000, true, 7));
    expect(state).toMatchObject({ raisedAt: 0, peakScore: 9, why: ['flow_rate'] });
  });

  it('returns to normal unacknowledged, then clears on acknowledgement', () => {
    const states = run([true, true, false]);
    expect(states[2]).toMatchObject({ state: 'rtn-unack', active: false });
    expect(acknowledgePredictiveAlarm(states[2]!)).toBeNull();
  });

  it('acknowledged while raised, it clears as soon as the latch drops', () => {
    const states = run([true, true, true, false], [1]);
    expect(states[1]?.state).toBe('ack');
    expect(states[2]?.state).toBe('ack');
    expect(states[3]).toBeNull();
  });

  it('raised again before acknowledgement, it is unacknowledged and active again', () => {
    const states = run([true, false, true]);
    expect(states[2]).toMatchObject({ state: 'unack', active: true, raisedAt: 0 });
  });
});
