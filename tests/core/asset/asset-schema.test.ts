import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsset, parseAssetJson } from '../../../core/asset/parse';

const builtInText = readFileSync('assets/pump-skid/asset.json', 'utf8');
const builtIn = () =>
  JSON.parse(builtInText) as Record<string, unknown> & {
    tags: Record<string, unknown>[];
    components: Record<string, unknown>[];
    controls: Record<string, unknown>[];
    faults: Record<string, unknown>[];
  };

function problemsOf(raw: unknown) {
  const r = parseAsset(raw);
  if (r.ok) throw new Error('expected the asset to be rejected');
  return r.problems;
}

describe('asset definition schema', () => {
  it('accepts the built-in pump skid', () => {
    const r = parseAssetJson(builtInText);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.asset.tags).toHaveLength(28);
      expect(r.asset.components.map((c) => c.id)).toContain('bearing_de');
    }
  });

  it('names the file and position when the JSON itself is broken', () => {
    const r = parseAssetJson('{"schemaVersion": 1,', 'skid.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/skid\.json is not valid JSON/);
  });

  it('names the field of an unknown unit', () => {
    const a = builtIn();
    (a.tags[3] as Record<string, unknown>).unit = 'furlongs';
    expect(problemsOf(a)).toEqual([{ path: 'tags[3].unit', message: 'unknown unit "furlongs"' }]);
  });

  it('names a missing required field', () => {
    const a = builtIn();
    delete (a.tags[0] as Record<string, unknown>).name;
    expect(problemsOf(a).map((p) => p.path)).toContain('tags[0].name');
  });

  it('rejects a component that refers to a tag that does not exist', () => {
    const a = builtIn();
    (a.components[1] as { tags: string[] }).tags.push('no_such_tag');
    const problems = problemsOf(a);
    expect(
      problems.some((p) => p.path.startsWith('components[1].tags') && p.message.includes('no_such_tag')),
    ).toBe(true);
  });

  it('rejects duplicate tag ids, inverted ranges and trip limits inside alarm limits', () => {
    const a = builtIn();
    (a.tags[1] as Record<string, unknown>).id = (a.tags[0] as Record<string, unknown>).id;
    (a.tags[2] as Record<string, unknown>).range = [10, 0];
    (a.tags[4] as Record<string, unknown>).trip = { high: 100 };
    const messages = problemsOf(a).map((p) => `${p.path}: ${p.message}`);
    expect(messages.join('\n')).toMatch(/tags\[1\]\.id: duplicate tag id/);
    expect(messages.join('\n')).toMatch(/tags\[2\]\.range: range low must be below range high/);
    expect(messages.join('\n')).toMatch(/tags\[4\]\.trip\.high: trip high must not be below alarm high/);
  });

  it('rejects a control whose default lies outside its limits', () => {
    const a = builtIn();
    (a.controls[0] as Record<string, unknown>).default = 75;
    expect(problemsOf(a).map((p) => p.path)).toContain('controls[0].default');
  });

  it('rejects a newer schema version with advice to update', () => {
    const a = builtIn();
    a.schemaVersion = 99;
    expect(problemsOf(a)[0]?.message).toMatch(/newer than this app supports/);
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    const a = builtIn();
    (a.tags[0] as Record<string, unknown>).alram = { high: 3 };
    expect(problemsOf(a)[0]?.path).toBe('tags[0]');
  });
});
