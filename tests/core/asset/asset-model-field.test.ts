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
    expect(modelProblem('../shared/skid.glb')).toMatch(/leaves its folder with "\.\."/);
    expect(modelProblem('models\\..\\..\\skid.glb')).toMatch(/contains a backslash/);
  });

  it('rejects ".." and absolute paths hidden by percent-encoding', () => {
    expect(modelProblem('%2e%2e/shared/skid.glb')).toMatch(
      /leaves its folder with "\.\." \(decoded: "\.\.\/shared/,
    );
    expect(modelProblem('models/%252e%252e%252f%252e%252e%252fskid.glb')).toMatch(/leaves its folder/);
    expect(modelProblem('%2Fetc%2Fskid.glb')).toMatch(/is an absolute path \(decoded/);
    expect(modelProblem('models/%zz.glb')).toMatch(/malformed .*percent-encoding/);
  });

  it('rejects a malformed procedural name', () => {
    expect(modelProblem('procedural:')).toMatch(/not a procedural model name/);
  });
});

const withModels = (path: string) => ({
  ...(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as Record<string, unknown>),
  models: [{ kind: 'health', path }],
});

function modelsPathProblem(path: string): string | null {
  const r = parseAsset(withModels(path));
  if (r.ok) return null;
  expect(r.problems.map((p) => p.path)).toEqual(['models[0].path']);
  return r.problems[0]!.message;
}

describe('asset `models[].path` field', () => {
  it('accepts folders under models/', () => {
    for (const ok of ['pump-skid/health', 'pump-skid/health/', 'site-a/pump 3/forecaster'])
      expect(modelsPathProblem(ok), ok).toBeNull();
  });

  it('refuses paths that leave models/, plain or percent-encoded, naming the field', () => {
    expect(modelsPathProblem('../../etc')).toMatch(/"\.\.\/\.\.\/etc" leaves its folder with "\.\."/);
    expect(modelsPathProblem('pump-skid/%2e%2e%2f%2e%2e%2fsecrets')).toMatch(/leaves its folder .*decoded/);
    expect(modelsPathProblem('/var/lib/models')).toMatch(/absolute path/);
    expect(modelsPathProblem('C:/models/health')).toMatch(/URL or drive path/);
    expect(modelsPathProblem('https://evil.example/model')).toMatch(/URL or drive path/);
    expect(modelsPathProblem('pump-skid\\health')).toMatch(/backslash/);
    // Found by the property tests: a URL drops a leading space and ends its path at "?" or "#".
    expect(modelsPathProblem(' C:/models')).toMatch(/starts or ends with a space/);
    expect(modelsPathProblem('..?x')).toMatch(/contains "\?" or "#"/);
  });
});
