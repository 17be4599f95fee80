import * as THREE from 'three';
import type { SceneModel } from '../model/scene-model';
import { isMergedMesh, PartBatch } from './part-batch';

/**
 * Layer of the meshes a merged mesh stands in for: neither the camera, the shadow pass nor picking sees it,
 * while their children (the stale hatching overlays) stay on the default layer and still draw.
 */
const MERGED_SOURCE_LAYER = 30;

const TEXTURE_SLOTS = [
  'map',
  'alphaMap',
  'normalMap',
  'bumpMap',
  'roughnessMap',
  'metalnessMap',
  'emissiveMap',
  'aoMap',
  'lightMap',
  'displacementMap',
] as const;

/** Whether a mesh can be drawn inside a merged mesh: plain, opaque, untextured standard material, not mirrored. */
export function isMergeable(o: THREE.Object3D): o is THREE.Mesh {
  if (!(o instanceof THREE.Mesh) || o instanceof THREE.InstancedMesh || o instanceof THREE.SkinnedMesh)
    return false;
  if (isMergedMesh(o)) return false;
  const m = o.material as THREE.Material | THREE.Material[];
  if (Array.isArray(m) || !(m instanceof THREE.MeshStandardMaterial) || m.type !== 'MeshStandardMaterial')
    return false;
  const transparent = (m.userData.baseTransparent as boolean | undefined) ?? m.transparent;
  if (transparent || m.alphaTest > 0 || m.wireframe || m.flatShading) return false;
  if (TEXTURE_SLOTS.some((slot) => m[slot] !== null)) return false;
  const g = o.geometry;
  if (!g.getAttribute('position') || Object.keys(g.morphAttributes).length > 0 || g.groups.length > 1)
    return false;
  return o.matrixWorld.determinant() > 0;
}

/** Merge key: sources drawn alike (side, x-ray, shadows) share a merged mesh. */
const kindOf = (mesh: THREE.Mesh): string =>
  [
    (mesh.material as THREE.Material).side,
    mesh.userData.xray === true,
    mesh.castShadow,
    mesh.receiveShadow,
  ].join('|');

/** The mergeable meshes under `root`, outside `skip`, grouped by kind; a part's meshes next to each other. */
function collect(root: THREE.Object3D, skip: ReadonlySet<THREE.Object3D>): THREE.Mesh[][] {
  const kinds = new Map<string, THREE.Mesh[]>();
  const walk = (o: THREE.Object3D) => {
    if (skip.has(o)) return;
    if (isMergeable(o)) {
      const key = kindOf(o);
      kinds.set(key, [...(kinds.get(key) ?? []), o]);
    }
    for (const child of o.children) walk(child);
  };
  walk(root);
  const node = (m: THREE.Mesh) => (m.userData.node as string | null | undefined) ?? '';
  return [...kinds.values()].map((meshes) => meshes.sort((a, b) => node(a).localeCompare(node(b))));
}

const noRaycast = () => undefined;

/**
 * A model's static opaque parts drawn as a few merged meshes (one per kind: side, x-ray, shadows), and its
 * shaft line as one merged mesh turning with it; transparent, textured and liquid meshes stay as they are.
 * `attach` swaps the merged meshes in (the sources move to a layer nothing sees), `detach` swaps them out;
 * `sync` after each paint brings the merged colours up to date with the parts' materials.
 */
export class MergedParts {
  private readonly batches: PartBatch[] = [];
  private readonly places = new Map<PartBatch, THREE.Object3D>();
  private readonly hidden = new Map<THREE.Mesh, number>();

  /** `matte`: Lambert merged meshes, for the lowest quality (see makeMergedMaterial). */
  constructor(model: SceneModel, matte = false) {
    model.root.updateMatrixWorld(true);
    const moving = new Set<THREE.Object3D>([model.rotor, model.liquid].filter((o) => o !== null));
    for (const meshes of collect(model.parts, moving))
      this.add(new PartBatch(meshes, model.parts, matte), model.parts);
    if (model.rotor) {
      for (const meshes of collect(model.rotor, new Set())) {
        const batch = new PartBatch(meshes, model.rotor, matte);
        batch.mesh.raycast = noRaycast;
        this.add(batch, model.rotor);
      }
    }
  }

  /** Draws the merged meshes instead of their sources. */
  attach(): void {
    for (const batch of this.batches) {
      this.places.get(batch)!.add(batch.mesh);
      for (const mesh of batch.sourceMeshes) {
        if (!this.hidden.has(mesh)) this.hidden.set(mesh, mesh.layers.mask);
        mesh.layers.set(MERGED_SOURCE_LAYER);
      }
    }
  }

  /** Draws the sources again. */
  detach(): void {
    for (const batch of this.batches) batch.mesh.removeFromParent();
    for (const [mesh, mask] of this.hidden) mesh.layers.mask = mask;
    this.hidden.clear();
  }

  /** Copies changed part colours and glows into the merged meshes (call after painting, before drawing). */
  sync(): void {
    for (const batch of this.batches) batch.sync();
  }

  /** The vertex range `source` occupies in `mergedMesh` (the part → vertex range table), or null. */
  rangeOf(mergedMesh: THREE.Mesh, source: THREE.Mesh): { start: number; count: number } | null {
    return this.batches.find((b) => b.mesh === mergedMesh)?.rangeOf(source) ?? null;
  }

  /** The colour drawn for a part's material into `out`; false when that material's mesh is not merged. */
  drawnColor(material: THREE.Material, out: THREE.Color): boolean {
    return this.batches.some((b) => b.drawnColor(material, out));
  }

  /** The glow drawn for a part's material into `out`; false when that material's mesh is not merged. */
  drawnEmissive(material: THREE.Material, out: THREE.Color): boolean {
    return this.batches.some((b) => b.drawnEmissive(material, out));
  }

  /** Meshes drawn in place of the model's merged meshes. */
  get meshes(): THREE.Mesh[] {
    return this.batches.map((b) => b.mesh);
  }

  dispose(): void {
    this.detach();
    for (const batch of this.batches) batch.dispose();
  }

  private add(batch: PartBatch, place: THREE.Object3D): void {
    this.batches.push(batch);
    this.places.set(batch, place);
  }
}
