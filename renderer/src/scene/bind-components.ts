import * as THREE from 'three';
import type { AssetDefinition, TagDefinition } from '../../../core/asset/schema';
import { emptyDelta, type ComponentDelta } from './paint/whatif-delta';
import type { SceneModel } from './model/scene-model';

/** One asset component as it exists in the scene; built once per asset, mutated by the render loop. */
export interface SceneComponent {
  id: string;
  name: string;
  meshes: THREE.Mesh[];
  /** Paint materials that carry the data color. */
  paint: THREE.MeshStandardMaterial[];
  /** Every material of the component (emissive highlight, x-ray). */
  materials: THREE.MeshStandardMaterial[];
  /** Indices of the component's tags in the asset tag order. */
  tagIndices: Int32Array;
  tags: TagDefinition[];
  /** Current color score (see the legend); written by the render loop. */
  score: number;
  /** The part's biggest change against "do nothing" ('whatif-delta' coloring); written by the render loop. */
  delta: ComponentDelta;
  /** World-space bounding box of the component. */
  box: THREE.Box3;
  centre: THREE.Vector3;
  /** Where labels and alarm badges attach (top of the box). */
  top: THREE.Vector3;
}

/** Binds the asset's components to the model's meshes by node name, and tags the meshes for picking. */
export function bindComponents(model: SceneModel, asset: AssetDefinition): SceneComponent[] {
  const byNode = new Map<string, THREE.Mesh[]>();
  model.parts.updateMatrixWorld(true);
  model.parts.traverse((o) => {
    if (!(o instanceof THREE.Mesh)) return;
    delete o.userData.componentId;
    const node = o.userData.node as string | null | undefined;
    if (!node) return;
    const list = byNode.get(node) ?? [];
    list.push(o);
    byNode.set(node, list);
  });
  const tagIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
  const out: SceneComponent[] = [];
  for (const c of asset.components) {
    const meshes = c.nodes.flatMap((n) => byNode.get(n) ?? []);
    if (meshes.length === 0) continue;
    const box = new THREE.Box3();
    const materials: THREE.MeshStandardMaterial[] = [];
    const paint: THREE.MeshStandardMaterial[] = [];
    for (const m of meshes) {
      m.userData.componentId = c.id;
      box.expandByObject(m);
      const mat = m.material as THREE.MeshStandardMaterial;
      materials.push(mat);
      if (m.userData.paint) paint.push(mat);
    }
    const indices = c.tags.map((t) => tagIndex.get(t) ?? -1).filter((i) => i >= 0);
    const centre = box.getCenter(new THREE.Vector3());
    out.push({
      id: c.id,
      name: c.name,
      meshes,
      paint: paint.length > 0 ? paint : materials,
      materials,
      tagIndices: Int32Array.from(indices),
      tags: indices.map((i) => asset.tags[i]!),
      score: 0,
      delta: emptyDelta(),
      box,
      centre,
      top: new THREE.Vector3(centre.x, box.max.y, centre.z),
    });
  }
  return out;
}
