import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/scenario/parse';
import { ScenarioPlayer } from '../../../core/scenario/player';
import type { ScenarioInput } from '../../../core/scenario/schema';
import { pumpSkid } from '../whatif/helpers';

const asset = pumpSkid();
const ALARM_AT_S = 330;
const input: ScenarioInput = {
  schemaVersion: 3,
  id: 'paced',
  title: 'Paced',
  assetId: 'pump-skid',
  summary: 'An alarm to acknowledge within 2 minutes, a setpoint to cut before the trip.',
  seed: 1,
  pace: { fastForward: 60 },
  durationS: 1200,
  timeline: [
    { kind: 'caption', atS: 0, text: 'Start' },
    { kind: 'fault', atS: 300, faultId: 'cavitation', severity: 0.5 },
    { kind: 'question', atS: 900, id: 'q', prompt: 'Why?', choices: ['A', 'B'], correct: 0 },
  ],
  expectedActions: [
    {
      kind: 'ack-alarm',
      id: 'ack',
      description: 'Acknowledge the suction pressure alarm within 2 minutes',
      tagId: 'suction_pressure',
      withinS: 120,
      points: 10,
    },
    {
      kind: 'set-control',
      id: 'slow',
      description: 'Reduce speed below 42 Hz before the trip',
      controlId: 'speed_setpoint',
      direction: 'below',
      value: 42,
      from: 'first-alarm',
      beforeTrip: true,
      points: 20,
    },
  ],
};

function player(): ScenarioPlayer {
  const r = parseScenario(input, asset);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const p = new ScenarioPlayer(r.scenario, {
    id: 'paced',
    title: { en: 'Paced' },
    summary: { en: '' },
    faultType: null,
    durationS: 1200,
    pace: r.scenario.pace,
    source: 'test',
  });
  p.setStatus('playing', 0);
  return p;
}

/**
 * Plays as the backend does, one wall second at a time at the speed the player asks for, with the suction
 * alarm at 330 s and the trainee acknowledging it `ackAfterWallS` wall seconds after it came.
 */
function playWall(p: ScenarioPlayer, ackAfterWallS: number) {
  let simS = 0;
  let wallS = 0;
  let alarmWallS: number | null = null;
  while (p.status !== 'question' && wallS < 10_000) {
    const from = simS;
    simS += p.speedAt(simS);
    wallS += 1;
    if (from < ALARM_AT_S && simS >= ALARM_AT_S) {
      p.alarmRaised('suction_pressure', 'alarm-low', 'Suction pressure low', ALARM_AT_S);
      // As LiveSimulation.advance does: the rest of that wall second runs at the new speed.
      simS = ALARM_AT_S + ((simS - ALARM_AT_S) * p.speedAt(ALARM_AT_S)) / (simS - from);
      alarmWallS = wallS;
    }
    if (alarmWallS !== null && wallS - alarmWallS === ackAfterWallS)
      p.alarmAcknowledged('suction_pressure', 'Suction pressure low', simS);
    p.advanceTo(simS);
  }
  return { alarmWallS, action: p.state().actions[0] };
}

describe('scenario pace', () => {
  it('fast-forwards between actions and gives an action window its seconds in real time', () => {
    const p = player();
    expect(p.speedAt(0)).toBe(60);
    p.advanceTo(ALARM_AT_S - 1);
    p.alarmRaised('suction_pressure', 'alarm-low', 'Suction pressure low', ALARM_AT_S);
    expect(p.windowAt(ALARM_AT_S)).toMatchObject({ actionId: 'ack', fromS: 330, untilS: 450 });
    expect(p.speedAt(ALARM_AT_S)).toBe(1);
    expect(p.state().actionWindow?.description.en).toMatch(/within 2 minutes/);
    // The ack window closes at 450 s; the open window of the set-control action (180 s) at 510 s.
    expect(p.speedAt(460)).toBe(1);
    expect(p.speedAt(510)).toBe(60);
  });

  it('an acknowledgement 90 wall seconds after the alarm is within "2 minutes"; 130 s is not', () => {
    const inTime = playWall(player(), 90);
    // The alarm came after 330 s at 60×: within a few wall seconds.
    expect(inTime.alarmWallS).toBeLessThanOrEqual(7);
    expect(inTime.action).toMatchObject({
      status: 'met',
      note: { en: '91 s after the alarm', 'zh-CN': '报警后 91 s' },
    });
    expect(playWall(player(), 130).action).toMatchObject({ status: 'missed', atS: 450 });
  });

  it('steps to every event and every start and end of an action window, never past a deadline', () => {
    const p = player();
    const stops: number[] = [];
    let at = 0;
    p.advanceTo(0);
    while (p.status !== 'question' && stops.length < 20) {
      let next = p.nextStopS(at);
      // The host stops early when an alarm starts an action's clock (LiveSimulation.runFor's stop).
      if (at < ALARM_AT_S && next > ALARM_AT_S) {
        next = ALARM_AT_S;
        p.alarmRaised('suction_pressure', 'alarm-low', 'Suction pressure low', ALARM_AT_S);
      }
      p.advanceTo(next);
      at = next;
      stops.push(at);
      if (at === 450) expect(p.state().actions[0]?.status).toBe('pending');
    }
    expect(stops).toEqual([300, 330, 450, 510, 900]);
    // Stepping past the ack's deadline misses it; the set-control action has none (only "before the trip").
    expect(p.state().actions.map((a) => a.status)).toEqual(['missed', 'pending']);
  });
});
