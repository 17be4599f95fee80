import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { assertValidGlb } from '../../../../core/glb/check-glb';
import type { SceneModel } from './scene-model';
import { i18n } from '../../i18n/i18n';

/** A component whose `nodes` name objects the GLB does not have. */
export interface MissingNodes {
  componentId: string;
  nodes: string[];
}

export interface GlbScene {
  model: SceneModel;
  missing: MissingNodes[];
}

/** Optional node names the skid view animates: the shaft line spins about local X, the liquid scales in Y. */
const ROTOR_NODE = 'rotor';
const LIQUID_NODE = 'tank-liquid';

const noRaycast = () => undefined;

/** Name as written in the file: the loader strips ".", ":", "/" and brackets and de-duplicates. */
const fileName = (o: THREE.Object3D): string => (o.userData.name as string | undefined) ?? o.name;

/** A per-mesh standard material remembering its paint, as the procedural builders' materials do. */
function ownMaterial(source: THREE.Material): THREE.MeshStandardMaterial {
  let m: THREE.MeshStandardMaterial;
  if (source instanceof THREE.MeshStandardMaterial) m = source.clone();
  else {
    const s = source as THREE.Material & { color?: THREE.Color; map?: THREE.Texture | null };
    m = new THREE.MeshStandardMaterial({ color: s.color ?? new THREE.Color(0x888888), map: s.map ?? null });
    m.transparent = s.transparent;
    m.opacity = s.opacity;
    m.name = s.name;
  }
  m.userData = {
    baseColor: m.color.clone(),
    baseOpacity: m.opacity,
    baseTransparent: m.transparent,
  };
  return m;
}

/**
 * Marks every mesh with the asset node it belongs to: the nearest ancestor (or itself) whose name is
 * one of the components' `nodes`, so a node may name a single mesh or a whole group.
 */
function markNodes(root: THREE.Object3D, wanted: ReadonlySet<string>, found: Set<string>): void {
  const walk = (o: THREE.Object3D, node: string | null) => {
    const name = fileName(o);
    const here = wanted.has(name) ? name : node;
    if (here === name) found.add(name);
    if (o instanceof THREE.Mesh) {
      o.userData.node = here;
      o.userData.paint = o.userData.paint === true;
      o.userData.xray = o.userData.xray === true;
    }
    for (const child of o.children) walk(child, here);
  };
  walk(root, null);
}

/**
 * Parses GLB bytes (no network) into the model the skid view renders, bound by node name. The bytes are
 * validated in full first (core/glb), so a bad file is an Error naming the accessor or chunk instead of
 * three.js allocating gigabytes; `fileName` starts that message.
 */
export async function parseGlbModel(
  bytes: ArrayBuffer,
  asset: AssetDefinition,
  fileName = asset.model,
): Promise<GlbScene> {
  assertValidGlb(new Uint8Array(bytes), fileName);
  const gltf = await new GLTFLoader().parseAsync(bytes, '');
  const root = gltf.scene;
  const wanted = new Set(asset.components.flatMap((c) => c.nodes));
  const found = new Set<string>();
  markNodes(root, wanted, found);
  root.traverse((o) => {
    if (!(o instanceof THREE.Mesh)) return;
    // The loader gives each glTF primitive its own mesh with one material, shared between meshes.
    const own = ownMaterial(o.material as THREE.Material);
    o.material = own;
    o.castShadow = !own.transparent;
    o.receiveShadow = !own.transparent;
  });

  const rotor = root.getObjectByName(ROTOR_NODE) ?? null;
  const liquidNode = root.getObjectByName(LIQUID_NODE);
  const liquid = liquidNode instanceof THREE.Mesh ? liquidNode : null;
  for (const o of [rotor, liquid]) o?.traverse((c) => (c.raycast = noRaycast));
  if (liquid) liquid.renderOrder = -1;

  const missing = asset.components
    .map((c) => ({ componentId: c.id, nodes: c.nodes.filter((n) => !found.has(n)) }))
    .filter((m) => m.nodes.length > 0);
  const model: SceneModel = {
    root,
    parts: root,
    rotor,
    liquid,
    dispose() {
      root.traverse((o) => {
        if (!(o instanceof THREE.Mesh)) return;
        o.geometry.dispose();
        const m = o.material as THREE.MeshStandardMaterial;
        m.map?.dispose();
        m.alphaMap?.dispose();
        m.dispose();
      });
    },
  };
  return { model, missing };
}

/** One sentence naming the components whose nodes the GLB lacks, or null when all are there. */
export function describeMissing(file: string, missing: readonly MissingNodes[]): string | null {
  if (missing.length === 0) return null;
  const list = missing.map((m) => `${m.componentId} (${m.nodes.map((n) => `"${n}"`).join(', ')})`).join('; ');
  return i18n.t('scene:modelMissing', { file, parts: list });
}
