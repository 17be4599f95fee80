import { readFileSync } from 'node:fs';
import type * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../core/asset/parse';
import type { AssetDefinition } from '../../core/asset/schema';
import { bindComponents } from '../../renderer/src/scene/bind-components';
import { describeMissing, parseGlbModel } from '../../renderer/src/scene/model/glb-model';
import { buildGlb, triangleBin, triangleGltf } from '../core/glb/glb-builder';

const DIR = 'assets/examples/pump-skid-glb';

function exampleAsset(): AssetDefinition {
  const parsed = parseAssetJson(readFileSync(`${DIR}/asset.json`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.asset;
}

function glbBytes(): ArrayBuffer {
  const file = readFileSync(`${DIR}/pump-skid.glb`);
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
}

describe('example GLB model (assets/examples/pump-skid-glb)', () => {
  it('is small enough to ship and parses with every node the asset components name', async () => {
    const asset = exampleAsset();
    expect(asset.model).toBe('pump-skid.glb');
    expect(glbBytes().byteLength).toBeLessThan(3_000_000);
    const { model, missing } = await parseGlbModel(glbBytes(), asset);
    expect(missing).toEqual([]);
    const names = new Set<string>();
    model.root.traverse((o) => names.add(o.name));
    for (const node of asset.components.flatMap((c) => c.nodes)) expect(names).toContain(node);
  });

  it('binds every component to its own recolorable materials, painted parts first', async () => {
    const asset = exampleAsset();
    const { model } = await parseGlbModel(glbBytes(), asset);
    const comps = bindComponents(model, asset);
    expect(comps.map((c) => c.id)).toEqual(asset.components.map((c) => c.id));
    const seen = new Set<THREE.Material>();
    for (const c of comps) {
      expect(c.meshes.length).toBeGreaterThan(0);
      expect(c.box.isEmpty()).toBe(false);
      for (const m of c.materials) {
        expect(seen.has(m)).toBe(false);
        seen.add(m);
        expect((m.userData.baseColor as THREE.Color).isColor).toBe(true);
      }
    }
    // Only the paint takes the data color; the motor's steel and dark-steel parts keep theirs.
    const motor = comps.find((c) => c.id === 'motor')!;
    expect(motor.paint.length).toBeLessThan(motor.materials.length);
    expect(motor.paint.every((m) => m.name.startsWith('paint-'))).toBe(true);
    expect(model.rotor?.name).toBe('rotor');
    expect(model.liquid?.name).toBe('tank-liquid');
  });

  it('names components whose nodes the GLB lacks and binds the rest', async () => {
    const asset = exampleAsset();
    const renamed: AssetDefinition = {
      ...asset,
      components: asset.components.map((c) => (c.id === 'seal' ? { ...c, nodes: ['seal-cartridge'] } : c)),
    };
    const { model, missing } = await parseGlbModel(glbBytes(), renamed);
    expect(missing).toEqual([{ componentId: 'seal', nodes: ['seal-cartridge'] }]);
    expect(describeMissing('pump-skid.glb', missing)).toContain('seal ("seal-cartridge")');
    const ids = bindComponents(model, renamed).map((c) => c.id);
    expect(ids).not.toContain('seal');
    expect(ids).toContain('bearing_de');
  });

  it('refuses a GLB whose accessor overruns its bufferView before three.js allocates for it', async () => {
    const gltf = triangleGltf();
    gltf.accessors[0]!.count = 1e9;
    const bytes = buildGlb({ json: gltf, bin: triangleBin() });
    await expect(parseGlbModel(bytes.slice().buffer, exampleAsset(), 'impeller.glb')).rejects.toThrow(
      "impeller.glb: accessor 0 (POSITION of mesh 'Impeller' primitive 0) needs 12,000,000,000 bytes but bufferView 0 holds 36",
    );
  });
});
