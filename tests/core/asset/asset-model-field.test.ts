import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsset } from '../../../core/asset/parse';

const withModel = (model: string) => ({
  ...(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as Record<string, unknown>),
  model,
});

function modelProblem(model: string): string | null {
  const r = parseAsset(withModel(model));
  if (r.ok) return null;
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0]?.path).toBe('model');
  return r.problems[0]!.message;
}

describe('asset `model` field', () => {
  it('accepts procedural builders and relative GLB paths', () => {
    for (const ok of ['procedural:pump-skid', 'procedural:turbofan', 'pump-skid.glb', 'models/Skid V2.GLB'])
      expect(modelProblem(ok), ok).toBeNull();
  });

  it('rejects other file types, naming the field and the .glb rule', () => {
    expect(modelProblem('skid.gltf')).toMatch(/"skid\.gltf" must be .*ending in \.glb/);
    expect(modelProblem('skid.obj')).toMatch(/ending in \.glb/);
  });

  it('rejects absolute paths, URLs and ".." segments', () => {
    expect(modelProblem('/opt/models/skid.glb')).toMatch(/relative to the asset file/);
    expect(modelProblem('C:\\models\\skid.glb')).toMatch(/relative to the asset file/);
    expect(modelProblem('https://example.com/skid.glb')).toMatch(/relative to the asset file/);
    expect(modelProblem('../shared/skid.glb')).toMatch(/must not contain "\.\." segments/);
    expect(modelProblem('models\\..\\..\\skid.glb')).toMatch(/"\.\." segments/);
  });

  it('rejects a malformed procedural name', () => {
    expect(modelProblem('procedural:')).toMatch(/not a procedural model name/);
  });
});
