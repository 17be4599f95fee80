import * as THREE from 'three';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../core/asset/parse';
import { bindComponents } from '../../renderer/src/scene/bind-components';
import { buildSkabTestbed, SKAB_HOME } from '../../renderer/src/scene/skab-testbed';

const parsed = parseAssetJson(readFileSync('assets/skab-testbed/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('skab-testbed asset is invalid');
const asset = parsed.asset;
const model = buildSkabTestbed();

const meshes: THREE.Mesh[] = [];
model.parts.traverse((o) => {
  if (o instanceof THREE.Mesh) meshes.push(o);
});
const modelNodes = new Set(meshes.map((m) => m.userData.node as string | null).filter((n) => n !== null));
const assetNodes = new Set(asset.components.flatMap((c) => c.nodes));

describe('procedural SKAB testbed', () => {
  it('has a part for every node the asset names, and binds every component', () => {
    for (const node of assetNodes) expect(modelNodes, node).toContain(node);
    const comps = bindComponents(model, asset);
    expect(comps.map((c) => c.id)).toEqual(asset.components.map((c) => c.id));
    for (const c of comps) expect(c.box.isEmpty(), c.id).toBe(false);
  });

  it('leaves no part unbound: every mesh belongs to a component or is named decoration', () => {
    for (const node of modelNodes) expect(assetNodes, node).toContain(node);
    for (const m of meshes) {
      expect(m.name).not.toBe('');
      if (m.userData.node === null) expect(m.name).toMatch(/^decor\//);
    }
  });

  it('gives every measured component paint for the data colors, kept off the safety markings', () => {
    const comps = bindComponents(model, asset);
    for (const c of comps.filter((c) => c.tags.length > 0))
      expect(
        c.paint.every((m) => m.name.startsWith('paint-')),
        c.id,
      ).toBe(true);
    const panel = comps.find((c) => c.id === 'control_panel')!;
    expect(panel.paint.map((m) => m.name)).not.toContain('signal-red');
  });

  it('is a lab-sized bench: a motor about 0.3 m long, the whole bench under 3 m wide', () => {
    const size = (nodes: string[]) => {
      const box = new THREE.Box3();
      for (const m of meshes) if (nodes.includes(m.userData.node as string)) box.expandByObject(m);
      return box.getSize(new THREE.Vector3());
    };
    const motor = asset.components.find((c) => c.kind === 'motor')!;
    expect(size(motor.nodes).x).toBeGreaterThan(0.25);
    expect(size(motor.nodes).x).toBeLessThan(0.35);
    expect(new THREE.Box3().setFromObject(model.root).getSize(new THREE.Vector3()).x).toBeLessThan(3);
  });

  it('turns the casings see-through in x-ray, and the shaft line is not pickable', () => {
    const xray = new Set(meshes.filter((m) => m.userData.xray).map((m) => m.userData.node as string));
    expect([...xray].sort()).toEqual(['motor-body', 'motor-fan-cover', 'pump-bracket', 'pump-casing']);
    expect(model.rotor).not.toBeNull();
    model.rotor!.traverse((o) => {
      if (o instanceof THREE.Mesh) expect(o.raycast).not.toBe(THREE.Mesh.prototype.raycast);
    });
    expect(model.liquid).toBeNull();
  });

  it('frames the whole board from its home view, clear of the colour legend', () => {
    const camera = new THREE.PerspectiveCamera(38, 1220 / 747, 0.05, 200);
    camera.position.set(...SKAB_HOME.position);
    camera.lookAt(...SKAB_HOME.target);
    camera.updateMatrixWorld();
    const parts = new THREE.Box3();
    for (const m of meshes) if (m.userData.node !== null) parts.expandByObject(m);
    for (const x of [parts.min.x, parts.max.x])
      for (const y of [parts.min.y, parts.max.y])
        for (const z of [parts.min.z, parts.max.z]) {
          const p = new THREE.Vector3(x, y, z).project(camera);
          expect(Math.abs(p.x), `${x}, ${y}, ${z}`).toBeLessThan(1);
          expect(Math.abs(p.y), `${x}, ${y}, ${z}`).toBeLessThan(1);
        }
    // The legend covers the lower left fifth; the motor's fan end stays right of it.
    const motorEnd = new THREE.Box3();
    for (const m of meshes) if (m.userData.node === 'motor-fan-cover') motorEnd.expandByObject(m);
    expect(motorEnd.min.clone().project(camera).x).toBeGreaterThan(-0.6);
  });

  it('places a label for every component', () => {
    expect(Object.keys(model.labels!.anchors).sort()).toEqual(asset.components.map((c) => c.id).sort());
  });
});
