import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../../core/scenario/parse';
import { recordingTitleProblem, recordingToScenario, type Recording } from '../../../core/scenario/recording';
import { UNTITLED_SCENARIO } from '../../../core/scenario/schema';
import { pumpSkid } from '../whatif/helpers';

const asset = pumpSkid();
const rec: Recording = {
  assetId: 'pump-skid',
  seed: 3,
  speed: 10,
  startedAt: 0,
  initialControls: { speed_setpoint: 50 },
  events: [{ atS: 60, kind: 'control', controlId: 'speed_setpoint', value: 40 }],
};

describe('recorded scenario titles (issue #17, problem 10)', () => {
  it('refuses to save a recording without a title, naming the field', () => {
    expect(recordingTitleProblem('')).toBe('title: enter a title for the recorded scenario');
    expect(recordingTitleProblem('   ')).toBe('title: enter a title for the recorded scenario');
    expect(recordingTitleProblem('x'.repeat(121))).toBe('title: at most 120 characters');
    expect(recordingTitleProblem('Night shift drill')).toBeNull();
    expect(() => recordingToScenario(rec, ' ', 120)).toThrow(
      'title: enter a title for the recorded scenario',
    );
    expect(recordingToScenario(rec, ' Night shift drill ', 120).title).toBe('Night shift drill');
  });

  it('opens a file saved earlier with its title cleared, under a default title', () => {
    // What the recorder wrote before a title was required: "title": "" and the id "recorded".
    const old = { ...recordingToScenario(rec, 'Drill', 120), id: 'recorded', title: '' };
    const r = parseScenarioJson(JSON.stringify(old), asset, 'recorded.json');
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(r.ok && r.scenario.title.en).toBe(UNTITLED_SCENARIO);
    expect(r.ok && r.scenario.id).toBe('recorded');
  });
});
