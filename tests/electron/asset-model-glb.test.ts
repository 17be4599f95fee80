import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../core/asset/parse';
import type { AssetDefinition } from '../../core/asset/schema';
import { modelFromRequest, readModelBeside, readModelForRequest } from '../../electron/services/asset-model';
import { buildGlb, triangleBin, triangleGlb, triangleGltf } from '../core/glb/glb-builder';

const exampleText = readFileSync('assets/examples/pump-skid-glb/asset.json', 'utf8');
const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-glb-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function example(): AssetDefinition {
  const parsed = parseAssetJson(exampleText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.asset;
}

function hugeAccessorGlb(): Buffer {
  const gltf = triangleGltf();
  gltf.accessors[0]!.count = 1e9;
  return Buffer.from(buildGlb({ json: gltf, bin: triangleBin() }));
}

describe('GLB models entering the backend are fully validated', () => {
  it('refuses a GLB sent with loadAsset whose accessor would need gigabytes, naming the accessor', () => {
    const result = modelFromRequest(example(), hugeAccessorGlb());
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'model',
          message:
            "pump-skid.glb: accessor 0 (POSITION of mesh 'Impeller' primitive 0) needs 12,000,000,000 bytes " +
            'but bufferView 0 holds 36',
        },
      ],
    });
    const sound = modelFromRequest(example(), Buffer.from(triangleGlb()));
    expect(sound.ok).toBe(true);
  });

  it('refuses the same GLB beside an asset started with --asset, naming the asset file', () => {
    const assetPath = path.join(dir, 'asset.json');
    writeFileSync(assetPath, exampleText);
    writeFileSync(path.join(dir, 'pump-skid.glb'), hugeAccessorGlb());
    expect(() => readModelBeside(assetPath, example())).toThrow(
      `${assetPath}: model: pump-skid.glb: accessor 0 (POSITION of mesh 'Impeller' primitive 0) needs`,
    );
  });

  it('does not read a model named by an absolute path outside the asset folder (File → Open asset…)', async () => {
    const inner = path.join(dir, 'site');
    mkdirSync(inner, { recursive: true });
    const outside = path.join(dir, 'outside.glb');
    writeFileSync(outside, triangleGlb());
    const text = JSON.stringify({ ...JSON.parse(exampleText), model: outside });
    await expect(readModelForRequest(path.join(inner, 'asset.json'), text)).resolves.toBeUndefined();
    const beside = JSON.stringify({ ...JSON.parse(exampleText), model: 'inner.glb' });
    writeFileSync(path.join(inner, 'inner.glb'), triangleGlb());
    await expect(readModelForRequest(path.join(inner, 'asset.json'), beside)).resolves.toBe(
      Buffer.from(triangleGlb()).toString('base64'),
    );
  });
});
