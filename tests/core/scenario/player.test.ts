import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/scenario/parse';
import { ScenarioPlayer } from '../../../core/scenario/player';
import { sessionReportHtml } from '../../../core/scenario/report';
import type { ScenarioInput } from '../../../core/scenario/schema';
import { recordingToScenario } from '../../../core/scenario/recording';
import { pumpSkid } from '../whatif/helpers';

const asset = pumpSkid();
const input: ScenarioInput = {
  schemaVersion: 3,
  id: 'test',
  title: 'Test <story>',
  assetId: 'pump-skid',
  summary: 'A test.',
  seed: 1,
  durationS: 1000,
  timeline: [
    { kind: 'caption', atS: 0, text: 'Hello', durationS: 50 },
    { kind: 'fault', atS: 10, faultId: 'seal_leak', severity: 0.3 },
    { kind: 'camera', atS: 20, componentId: 'seal' },
    { kind: 'question', atS: 100, id: 'q1', prompt: 'Why?', choices: ['A', 'B'], correct: 1, points: 5 },
    { kind: 'caption', atS: 100, text: 'After the question' },
  ],
  expectedActions: [
    {
      kind: 'ack-alarm',
      id: 'ack',
      description: 'Ack within 2 min',
      tagId: 'seal_leak_rate',
      withinS: 120,
      points: 10,
    },
    {
      kind: 'set-control',
      id: 'slow',
      description: 'Slow down before trip',
      controlId: 'speed_setpoint',
      direction: 'below',
      value: 40,
      beforeTrip: true,
      points: 20,
    },
  ],
};
const make = () => {
  const r = parseScenario(input, asset);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const p = new ScenarioPlayer(r.scenario, {
    id: 'test',
    title: { en: 'T' },
    summary: { en: '' },
    faultType: null,
    durationS: 1000,
    pace: { fastForward: 60, actionWindow: 1, openActionS: 180 },
    source: 'test',
  });
  p.setStatus('playing', 0);
  return p;
};

describe('scenario player', () => {
  it('fires events by simulated time, stops at a question and resumes after the answer', () => {
    const p = make();
    expect(p.advanceTo(0).map((e) => e.kind)).toEqual(['caption']);
    expect(p.state().caption?.text.en).toBe('Hello');
    expect(p.advanceTo(60).map((e) => e.kind)).toEqual(['fault', 'camera']);
    expect(p.state().caption).toBeNull();
    expect(p.state().camera).toEqual({ componentId: 'seal', token: 1 });
    expect(p.state().log.find((e) => e.kind === 'fault')?.hidden).toBe(true);
    expect(p.advanceTo(150).map((e) => e.kind)).toEqual(['question']);
    expect(p.status).toBe('question');
    expect(() => p.answer('q1', 7)).toThrow(/choice: 7/);
    p.answer('q1', 1);
    expect(p.advanceTo(150).map((e) => e.kind)).toEqual(['caption']);
    expect(p.state().score).toBe(5);
  });

  it('scores an in-time ack and a slow-down before the trip; misses what is late', () => {
    const p = make();
    p.advanceTo(200);
    p.answer('q1', 0);
    p.alarmRaised('seal_leak_rate', 'alarm-high', 'Seal leak high', 210);
    p.alarmAcknowledged('seal_leak_rate', 'Seal leak high', 300);
    p.traineeSetControl('speed_setpoint', 45, 310);
    p.traineeSetControl('speed_setpoint', 38, 320);
    p.advanceTo(1000);
    const s = p.state();
    expect(s.actions.map((a) => a.status)).toEqual(['met', 'met']);
    expect(s.score).toBe(30);
    expect(s.maxScore).toBe(35);
    expect(s.status).toBe('finished');
  });

  it('misses an ack that comes too late and a slow-down after the trip', () => {
    const p = make();
    p.advanceTo(200);
    p.answer('q1', 1);
    p.alarmRaised('seal_leak_rate', 'alarm-high', 'Seal leak high', 210);
    p.alarmRaised('seal_leak_rate', 'trip-high', 'Seal leak trip', 400);
    p.advanceTo(401);
    p.alarmAcknowledged('seal_leak_rate', 'Seal leak high', 401);
    p.traineeSetControl('speed_setpoint', 30, 402);
    const s = p.state();
    expect(s.actions.map((a) => [a.status, a.note?.en])).toEqual([
      ['missed', 'not acknowledged in time'],
      ['missed', 'the trip came first'],
    ]);
    const html = sessionReportHtml(s, { generatedAt: new Date(0) });
    expect(html).toContain('Score 5 / 35');
    expect(html).toContain('the trip came first');
    expect(html).not.toContain('<script');
  });
});

describe('recording', () => {
  it('turns a recorded session into a scenario file that validates', () => {
    const sc = recordingToScenario(
      {
        assetId: 'pump-skid',
        seed: 3,
        speed: 10,
        startedAt: 0,
        initialControls: { speed_setpoint: 50 },
        events: [
          { atS: 5, kind: 'fault', faultId: 'seal_leak', severity: 0.4, growthPerHour: 0.1 },
          { atS: 9, kind: 'camera', componentId: 'seal' },
          { atS: 12, kind: 'alarm', tagId: 'seal_leak_rate', message: 'Seal leak high' },
          { atS: 40, kind: 'ack', tagId: 'seal_leak_rate', message: 'Seal leak high' },
          { atS: 60, kind: 'control', controlId: 'speed_setpoint', value: 40 },
        ],
      },
      'My drill',
      120,
    );
    const r = parseScenario(JSON.parse(JSON.stringify(sc)), asset);
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(r.ok && r.scenario.timeline.map((e) => e.kind)).toEqual(['fault', 'camera', 'caption', 'control']);
    expect(r.ok && r.scenario.expectedActions[0]?.kind).toBe('ack-alarm');
  });
});
