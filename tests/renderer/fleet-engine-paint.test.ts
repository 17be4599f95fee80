import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAssetJson } from '../../core/asset/parse';
import { bindComponents } from '../../renderer/src/scene/bind-components';
import { buildTurbofan } from '../../renderer/src/scene/turbofan';
import { fitDistance } from '../../renderer/src/features/fleet/engine-view/EngineCamera';
import {
  applyXray,
  paintComponents,
  pickComponent,
} from '../../renderer/src/features/fleet/engine-view/engine-paint';

const parsed = parseAssetJson(readFileSync('assets/turbofan/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('turbofan asset is invalid');
const model = buildTurbofan();
const comps = bindComponents(model, parsed.asset);
const byId = (id: string) => comps.find((c) => c.id === id)!;

describe('opened engine paint', () => {
  it('binds all eight turbofan parts of the asset to the shared procedural model', () => {
    expect(comps.map((c) => c.id).sort()).toEqual(
      ['bypass_duct', 'combustor', 'fan', 'hpc', 'hpt', 'lpc', 'lpt', 'nozzle'].sort(),
    );
  });

  it('paints parts from viridis and returns parts without a value to their own paint', () => {
    paintComponents(comps, new Map([['hpc', 1]]));
    const hpc = byId('hpc').paint[0]!.color;
    // Viridis' bright end is yellow: strong red and green, little blue.
    expect(hpc.r).toBeGreaterThan(0.8);
    expect(hpc.b).toBeLessThan(0.1);
    for (const m of byId('nozzle').paint)
      expect(m.color.equals(m.userData.baseColor as THREE.Color)).toBe(true);
    paintComponents(comps, new Map());
    for (const m of byId('hpc').paint) expect(m.color.equals(m.userData.baseColor as THREE.Color)).toBe(true);
  });

  it('makes the casings see-through in x-ray and lets the pointer reach the part inside', () => {
    applyXray(model.parts, true);
    const casing = byId('bypass_duct').meshes[0]!;
    const stage = byId('hpc').meshes.find((m) => !m.userData.xray)!;
    expect((casing.material as THREE.MeshStandardMaterial).transparent).toBe(true);
    const hits = [casing, stage].map((object) => ({ object, distance: 1, point: new THREE.Vector3() }));
    expect(pickComponent(hits, true)).toBe('hpc');
    expect(pickComponent(hits, false)).toBe('bypass_duct');
    expect(pickComponent(hits.slice(0, 1), true)).toBe('bypass_duct');
    applyXray(model.parts, false);
    expect((casing.material as THREE.MeshStandardMaterial).opacity).toBe(1);
  });

  it('backs the camera off for narrow views so the whole engine stays in frame', () => {
    expect(fitDistance(1)).toBeGreaterThan(fitDistance(2));
    expect(fitDistance(4)).toBe(fitDistance(8)); // wide views are limited by the engine's height
  });
});
