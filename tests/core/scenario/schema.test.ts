import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioJson } from '../../../core/scenario/parse';
import { PLANT_FAULT_IDS } from '../../../core/sim';
import { pumpSkid } from '../whatif/helpers';

const asset = pumpSkid();
const dir = 'assets/scenarios';
const builtIns = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const good = () =>
  JSON.parse(builtIns[0]?.text ?? '{}') as Record<string, unknown> & { timeline: Record<string, unknown>[] };
const problemsOf = (raw: unknown) => {
  const r = parseScenario(raw, asset);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('scenario files', () => {
  it('has a valid built-in scenario for every plant fault of the pump skid', () => {
    const types = builtIns.map(({ name, text }) => {
      const r = parseScenarioJson(text, asset, name);
      expect(r.ok ? [] : r.problems, name).toEqual([]);
      return r.ok ? r.scenario.faultType : null;
    });
    expect(new Set(types)).toEqual(new Set(PLANT_FAULT_IDS));
    for (const { text } of builtIns) {
      const s = JSON.parse(text) as { timeline: { kind: string }[]; expectedActions: unknown[] };
      const kinds = new Set(s.timeline.map((e) => e.kind));
      for (const k of ['caption', 'camera', 'fault', 'question']) expect(kinds).toContain(k);
      expect(s.expectedActions.length).toBeGreaterThan(0);
    }
  });

  it('names the field when a question has no choices', () => {
    const s = good();
    const q = s.timeline.find((e) => e.kind === 'question');
    if (q) q.choices = [];
    expect(problemsOf(s).join('\n')).toMatch(/timeline\[\d+\]\.choices/);
  });

  it('names the field of a right answer that is not among the choices', () => {
    const s = good();
    const q = s.timeline.find((e) => e.kind === 'question');
    if (q) q.correct = 9;
    expect(problemsOf(s).join('\n')).toMatch(
      /timeline\[\d+\]\.correct: correct must index one of the choices/,
    );
  });

  it('names an unknown event kind, a missing title and a stray field', () => {
    const s = good();
    delete s.title;
    s.timeline.push({ kind: 'explode', atS: 1 });
    s.colour = 'red';
    const text = problemsOf(s).join('\n');
    expect(text).toMatch(/^title: /m);
    expect(text).toMatch(/timeline\[\d+\]\.kind/);
    expect(text).toMatch(/colour/);
  });

  it('names ids the asset does not have', () => {
    const s = good();
    s.timeline.push({ kind: 'camera', atS: 5, componentId: 'gearbox' });
    s.timeline.push({ kind: 'fault', atS: 5, faultId: 'sensor_drift', severity: 0.2 });
    const text = problemsOf(s).join('\n');
    expect(text).toMatch(/timeline\[\d+\]\.componentId: unknown component "gearbox"/);
    expect(text).toMatch(/timeline\[\d+\]\.targetTag: sensor fault "sensor_drift" needs a tag/);
  });

  it('reports bad JSON and a too-new schema version', () => {
    const bad = parseScenarioJson('{ "id": ', asset, 'broken.json');
    expect(bad.ok ? '' : bad.problems[0]?.message).toMatch(/broken\.json is not valid JSON/);
    const s = good();
    s.schemaVersion = 99;
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^schemaVersion: schemaVersion 99 is newer/)]);
  });

  it('migrates a version-1 file: its one speed becomes the pace between actions, real time inside them', () => {
    const { pace, ...rest } = good();
    expect(pace).toBeDefined();
    const r = parseScenario({ ...rest, schemaVersion: 1, speed: 120 }, asset);
    expect(r.ok && r.scenario.pace).toEqual({ fastForward: 120, actionWindow: 1, openActionS: 180 });
    const plain = parseScenario({ ...rest, schemaVersion: 1 }, asset);
    expect(plain.ok && plain.scenario.pace).toEqual({ fastForward: 60, actionWindow: 1, openActionS: 180 });
  });

  it('migrates a version-0 draft whose timeline was called "events"', () => {
    const s = good();
    const { timeline, ...rest } = s;
    const r = parseScenario({ ...rest, schemaVersion: undefined, events: timeline }, asset);
    expect(r.ok).toBe(true);
    expect(r.ok && r.scenario.timeline.length).toBe(timeline.length);
  });
});
