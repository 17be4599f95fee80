import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { isPaint, isTrim, makeMaterial, makeTrimMaterial, trimColor, type MatKey } from './materials';

interface Bucket {
  node: string | null;
  mat: MatKey;
  /** Steel and dark steel of one node, colored per vertex (see isTrim). */
  trim: boolean;
  geoms: THREE.BufferGeometry[];
  xray: boolean;
  shadow: boolean;
}

/** Normalises a primitive so that everything can be merged: non-indexed, position/normal/uv only. */
function normalise(g: THREE.BufferGeometry): THREE.BufferGeometry {
  const out = g.index ? g.toNonIndexed() : g;
  for (const name of Object.keys(out.attributes))
    if (name !== 'position' && name !== 'normal' && name !== 'uv') out.deleteAttribute(name);
  if (!out.getAttribute('normal')) out.computeVertexNormals();
  if (!out.getAttribute('uv')) {
    const n = out.getAttribute('position').count;
    out.setAttribute('uv', new THREE.BufferAttribute(new Float32Array(n * 2), 2));
  }
  out.clearGroups();
  return out;
}

/**
 * Collects primitives by (3D node, material) and merges each bucket into one mesh, so the whole skid
 * is a few dozen draw calls. Paint buckets carry the node name so the asset can bind them.
 */
export class PartSink {
  private readonly buckets = new Map<string, Bucket>();
  /** Nodes made see-through in x-ray mode. */
  readonly xrayNodes = new Set<string>();
  readonly extraMaps = new Map<string, Partial<THREE.MeshStandardMaterial>>();

  add(node: string | null, mat: MatKey, geom: THREE.BufferGeometry): void {
    const trim = isTrim(mat);
    const key = `${node ?? ''}|${trim ? 'trim' : mat}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = { node, mat, trim, geoms: [], xray: false, shadow: mat !== 'glass' && mat !== 'liquid' };
      this.buckets.set(key, b);
    }
    const g = normalise(geom);
    if (trim) {
      const c = trimColor(mat);
      const n = g.getAttribute('position').count;
      const colors = new Float32Array(n * 3);
      for (let i = 0; i < n; i++) colors.set([c.r, c.g, c.b], i * 3);
      g.setAttribute('color', new THREE.BufferAttribute(colors, 3));
    }
    b.geoms.push(g);
  }

  /** Extra material settings for one node's bucket (e.g. the guard's perforation alpha map). */
  tweak(node: string, mat: MatKey, props: Partial<THREE.MeshStandardMaterial>): void {
    this.extraMaps.set(`${node}|${mat}`, props);
  }

  build(): THREE.Group {
    const group = new THREE.Group();
    for (const [key, b] of this.buckets) {
      const geom = mergeGeometries(b.geoms, false);
      if (!geom) continue;
      for (const g of b.geoms) g.dispose();
      geom.computeBoundingBox();
      geom.computeBoundingSphere();
      const material = b.trim ? makeTrimMaterial() : makeMaterial(b.mat);
      const extra = this.extraMaps.get(key);
      if (extra) Object.assign(material, extra);
      const mesh = new THREE.Mesh(geom, material);
      const matName = b.trim ? 'trim' : b.mat;
      mesh.name = b.node ? (isPaint(b.mat) ? b.node : `${b.node}/${matName}`) : `decor/${matName}`;
      mesh.castShadow = b.shadow;
      mesh.receiveShadow = b.shadow;
      mesh.userData.node = b.node;
      mesh.userData.paint = isPaint(b.mat);
      mesh.userData.xray = b.node !== null && this.xrayNodes.has(b.node);
      group.add(mesh);
    }
    return group;
  }
}
