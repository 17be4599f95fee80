/**
 * The pump skid's static parts merged into a few meshes (lower quality levels): far fewer meshes to draw, a
 * part's paint, glow and x-ray reach only its own vertices, and a click on a merged face still names the part.
 */
import * as THREE from 'three';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../core/asset/parse';
import { bindComponents, type SceneComponent } from '../../renderer/src/scene/bind-components';
import { MergedParts } from '../../renderer/src/scene/merge/merged-parts';
import { componentIdAt, isMergedMesh } from '../../renderer/src/scene/merge/part-batch';
import { buildPumpSkid, type PumpSkidModel } from '../../renderer/src/scene/pump-skid';

const parsed = parseAssetJson(readFileSync('assets/pump-skid/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('built-in asset does not parse');
const asset = parsed.asset;

/** Meshes the camera draws (default layer, visible all the way up): what costs a draw call each. */
function drawnMeshes(root: THREE.Object3D): THREE.Mesh[] {
  const camera = new THREE.Layers();
  const out: THREE.Mesh[] = [];
  const walk = (o: THREE.Object3D) => {
    if (!o.visible) return;
    if (o instanceof THREE.Mesh && o.layers.test(camera)) out.push(o);
    for (const child of o.children) walk(child);
  };
  walk(root);
  return out;
}

let model: PumpSkidModel;
let comps: SceneComponent[];
let merged: MergedParts;
const part = (id: string) => comps.find((c) => c.id === id)!;
const mergedColors = () =>
  merged.meshes.map((m) => Float32Array.from(m.geometry.getAttribute('color').array));

beforeEach(() => {
  model = buildPumpSkid();
  comps = bindComponents(model, asset);
  merged = new MergedParts(model);
  merged.attach();
});

describe('merged static parts', () => {
  it('draws the skid in a handful of meshes instead of one per part and material', () => {
    merged.detach();
    const separate = drawnMeshes(model.root).filter((m) => m.visible).length;
    merged.attach();
    const together = drawnMeshes(model.root).filter((m) => !m.userData.staleHatch);
    expect(separate).toBeGreaterThan(45);
    // Opaque parts, x-ray casings, the shaft line; the perforated guard and four sight glasses stay apart.
    expect(together.length).toBeLessThanOrEqual(9);
    expect(together.filter(isMergedMesh)).toHaveLength(3);
    merged.dispose();
    expect(drawnMeshes(model.root).length).toBe(separate);
  });

  it("writes a part's new paint into its own vertices only, and only when it changed", () => {
    const motor = part('motor');
    const before = mergedColors();
    const red = new THREE.Color(0.8, 0.1, 0.05);
    for (const m of motor.paint) m.color.copy(red);
    merged.sync();
    const after = mergedColors();
    const motorMeshes = new Set<THREE.Mesh>(motor.meshes);
    let changed = 0;
    merged.meshes.forEach((mesh, b) => {
      const batch = after[b]!;
      for (let i = 0; i < batch.length; i++) {
        if (batch[i] === before[b]![i]) continue;
        changed++;
        const source = findSource(mesh, Math.floor(i / 9));
        expect(source && motorMeshes.has(source), `vertex ${i / 3} of batch ${b}`).toBe(true);
      }
    });
    expect(changed).toBeGreaterThan(0);
    const drawn = new THREE.Color();
    expect(merged.drawnColor(motor.paint[0]!, drawn)).toBe(true);
    expect(drawn.toArray().map((x) => +x.toFixed(5))).toEqual(red.toArray().map((x) => +x.toFixed(5)));

    const uploads = merged.meshes.map(
      (m) => (m.geometry.getAttribute('color') as THREE.BufferAttribute).version,
    );
    merged.sync();
    expect(
      merged.meshes.map((m) => (m.geometry.getAttribute('color') as THREE.BufferAttribute).version),
    ).toEqual(uploads);
  });

  it("keeps a trim part's own steel shades under its colour", () => {
    const skid = part('skid');
    const trim = skid.materials.find((m) => m.vertexColors)!;
    const drawn = new THREE.Color();
    merged.drawnColor(trim, drawn);
    expect(drawn.toArray()).toEqual([1, 1, 1]);
  });

  it("glows a selected part's vertices, not its neighbours'", () => {
    const glow = new THREE.Color(0.05, 0.13, 0.28);
    for (const m of part('pump').materials) m.emissive.copy(glow);
    merged.sync();
    const drawn = new THREE.Color();
    expect(merged.drawnEmissive(part('pump').materials[0]!, drawn)).toBe(true);
    drawn.toArray().forEach((x, i) => expect(x).toBeCloseTo(glow.toArray()[i]!, 6));
    expect(merged.drawnEmissive(part('seal').materials[0]!, drawn)).toBe(true);
    expect(drawn.toArray()).toEqual([0, 0, 0]);
  });

  it('names the same part for a click as the separate meshes do, and never a source no longer drawn', () => {
    const raycaster = new THREE.Raycaster();
    const box = new THREE.Box3().setFromObject(model.parts);
    const size = box.getSize(new THREE.Vector3());
    const pick = () => {
      const hit = raycaster.intersectObject(model.parts, true)[0];
      return hit ? { id: componentIdAt(hit.object, hit.faceIndex), object: hit.object } : null;
    };
    const picked = new Set<string>();
    const sources = new Set<THREE.Object3D>();
    model.parts.traverse((o) => {
      if (o instanceof THREE.Mesh && !isMergedMesh(o) && !o.layers.test(new THREE.Layers())) sources.add(o);
    });
    expect(sources.size).toBeGreaterThan(40);
    for (let k = 0; k < 120; k++) {
      const angle = (k / 120) * Math.PI * 2;
      const from = new THREE.Vector3(Math.cos(angle) * 9, 2 + (k % 5), Math.sin(angle) * 9);
      const at = new THREE.Vector3(
        box.min.x + size.x * ((k * 0.37) % 1),
        box.min.y + size.y * ((k * 0.61) % 1),
        box.min.z + size.z * ((k * 0.23) % 1),
      );
      raycaster.set(from, at.sub(from).normalize());
      merged.detach();
      const separate = pick();
      merged.attach();
      const together = pick();
      expect(together?.id, `ray ${k}`).toBe(separate?.id);
      if (together) expect(sources.has(together.object), `ray ${k}`).toBe(false);
      if (together?.id) picked.add(together.id);
    }
    expect(picked.size).toBeGreaterThan(5);
    for (const mesh of merged.meshes) {
      const faces = mesh.geometry.getAttribute('position').count / 3;
      for (const face of [0, Math.floor(faces / 2), faces - 1]) {
        const source = findSource(mesh, face)!;
        expect(componentIdAt(mesh, face)).toBe(source.userData.componentId ?? null);
      }
    }
  });

  it('turns the x-ray casings see-through together and leaves the other merged parts opaque', () => {
    for (const c of comps)
      for (const mesh of c.meshes)
        if (mesh.userData.xray) {
          const m = mesh.material as THREE.MeshStandardMaterial;
          m.transparent = true;
          m.opacity = 0.25;
        }
    merged.sync();
    const materials = merged.meshes.map((m) => m.material as THREE.MeshStandardMaterial);
    expect(materials.filter((m) => m.transparent).map((m) => m.opacity)).toEqual([0.25]);
    expect(materials.filter((m) => !m.transparent)).toHaveLength(2);
  });

  it("in the matte material (Low) darkens the metals' vertices but reports each part's colour as painted", () => {
    merged.dispose();
    const matte = new MergedParts(model, true);
    matte.attach();
    expect(matte.meshes.every((m) => m.material instanceof THREE.MeshLambertMaterial)).toBe(true);
    const motor = part('motor');
    const red = new THREE.Color(0.8, 0.1, 0.05);
    for (const m of motor.paint) m.color.copy(red);
    matte.sync();
    const drawn = new THREE.Color();
    expect(matte.drawnColor(motor.paint[0]!, drawn)).toBe(true);
    drawn.toArray().forEach((x, i) => expect(x).toBeCloseTo(red.toArray()[i]!, 5));
    // Steel trim (metalness 0.9) is drawn at a third of its colour, the paint (0.25) at four fifths.
    const trim = motor.meshes.find((m) => (m.material as THREE.MeshStandardMaterial).vertexColors)!;
    const batch = matte.meshes.find((m) => matte.rangeOf(m, trim))!;
    const { start } = matte.rangeOf(batch, trim)!;
    const colors = batch.geometry.getAttribute('color');
    const steel = trim.geometry.getAttribute('color');
    expect(colors.getX(start) / steel.getX(0)).toBeLessThan(0.5);
    matte.dispose();
  });

  it('turns the merged shaft line with the rotor', () => {
    const shaft = merged.meshes.find((m) => m.parent === model.rotor);
    expect(shaft).toBeDefined();
    expect(shaft!.raycast).not.toBe(THREE.Mesh.prototype.raycast);
  });
});

/** The source mesh of a merged face, through the public picking path's table. */
function findSource(mesh: THREE.Mesh, face: number): THREE.Mesh | null {
  for (const c of comps) for (const m of c.meshes) if (rangeHas(mesh, m, face)) return m;
  let decor: THREE.Mesh | null = null;
  model.root.traverse((o) => {
    if (!decor && o instanceof THREE.Mesh && !o.userData.componentId && rangeHas(mesh, o, face)) decor = o;
  });
  return decor;
}

function rangeHas(batchMesh: THREE.Mesh, source: THREE.Mesh, face: number): boolean {
  const r = merged.rangeOf(batchMesh, source);
  return r !== null && face * 3 >= r.start && face * 3 < r.start + r.count;
}
