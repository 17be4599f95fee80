import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { isPaint, makeMaterial, type MatKey } from './materials';

export type Axis = 'x' | 'y' | 'z';
export type Vec3 = readonly [number, number, number];

/** Rotation that turns a Y-aligned primitive (cylinder, lathe) onto `axis`. */
function alignY(geom: THREE.BufferGeometry, axis: Axis): THREE.BufferGeometry {
  if (axis === 'x') geom.rotateZ(-Math.PI / 2);
  else if (axis === 'z') geom.rotateX(Math.PI / 2);
  return geom;
}

/** Cylinder (or cone frustum) of length `len` along `axis`, centred at `c`. */
export function cyl(
  r: number,
  len: number,
  axis: Axis,
  c: Vec3,
  opts: { r2?: number; seg?: number; open?: boolean } = {},
) {
  const g = new THREE.CylinderGeometry(opts.r2 ?? r, r, len, opts.seg ?? 32, 1, opts.open ?? false);
  alignY(g, axis);
  g.translate(c[0], c[1], c[2]);
  return g;
}

export function box(w: number, h: number, d: number, c: Vec3, rot?: Vec3) {
  const g = new THREE.BoxGeometry(w, h, d);
  if (rot) g.applyMatrix4(new THREE.Matrix4().makeRotationFromEuler(new THREE.Euler(rot[0], rot[1], rot[2])));
  g.translate(c[0], c[1], c[2]);
  return g;
}

export function sphere(r: number, c: Vec3, scale: Vec3 = [1, 1, 1], thetaLength = Math.PI) {
  const g = new THREE.SphereGeometry(r, 32, 16, 0, Math.PI * 2, 0, thetaLength);
  g.scale(scale[0], scale[1], scale[2]);
  g.translate(c[0], c[1], c[2]);
  return g;
}

/** Surface of revolution of a (radius, height) profile around `axis`, starting at `c`. */
export function lathe(profile: [number, number][], axis: Axis, c: Vec3, seg = 40) {
  const g = new THREE.LatheGeometry(
    profile.map(([r, h]) => new THREE.Vector2(r, h)),
    seg,
  );
  alignY(g, axis);
  g.translate(c[0], c[1], c[2]);
  return g;
}

export function torus(r: number, tube: number, axis: Axis, c: Vec3, arc = Math.PI * 2) {
  const g = new THREE.TorusGeometry(r, tube, 10, 40, arc);
  // Torus lies in XY with its axis along Z.
  if (axis === 'x') g.rotateY(Math.PI / 2);
  else if (axis === 'y') g.rotateX(Math.PI / 2);
  g.translate(c[0], c[1], c[2]);
  return g;
}

/** Pipe run through `points` with rounded bends of radius `bend`. */
export function pipePath(points: THREE.Vector3[], bend: number): THREE.CurvePath<THREE.Vector3> {
  const path = new THREE.CurvePath<THREE.Vector3>();
  let from = points[0]!.clone();
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const next = points[i + 1];
    if (!next) {
      path.add(new THREE.LineCurve3(from, p.clone()));
      break;
    }
    const inDir = p
      .clone()
      .sub(points[i - 1]!)
      .normalize();
    const outDir = next.clone().sub(p).normalize();
    const a = p.clone().addScaledVector(inDir, -bend);
    const b = p.clone().addScaledVector(outDir, bend);
    path.add(new THREE.LineCurve3(from, a));
    path.add(new THREE.QuadraticBezierCurve3(a, p.clone(), b));
    from = b;
  }
  return path;
}

export function tube(path: THREE.Curve<THREE.Vector3>, r: number, segments = 96, radial = 20) {
  return new THREE.TubeGeometry(path, segments, r, radial, false);
}

/** Pipe flange: a machined disc plus a bolt circle, centred at `c`, facing along `axis`. */
export function flange(sink: PartSink, node: string | null, axis: Axis, c: Vec3, pipeR: number, bolts = 8) {
  const fr = pipeR * 1.9 + 0.02;
  sink.add(node, 'steel', cyl(fr, 0.028, axis, c, { seg: 40 }));
  const pcd = (fr + pipeR) / 2 + 0.01;
  for (let i = 0; i < bolts; i++) {
    const a = ((i + 0.5) / bolts) * Math.PI * 2;
    const u = Math.cos(a) * pcd;
    const v = Math.sin(a) * pcd;
    const p: Vec3 =
      axis === 'x'
        ? [c[0], c[1] + u, c[2] + v]
        : axis === 'y'
          ? [c[0] + u, c[1], c[2] + v]
          : [c[0] + u, c[1] + v, c[2]];
    sink.add(node, 'dark-steel', cyl(0.011, 0.06, axis, p, { seg: 6 }));
  }
}

interface Bucket {
  node: string | null;
  mat: MatKey;
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
    const key = `${node ?? ''}|${mat}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = { node, mat, geoms: [], xray: false, shadow: mat !== 'glass' && mat !== 'liquid' };
      this.buckets.set(key, b);
    }
    b.geoms.push(normalise(geom));
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
      const material = makeMaterial(b.mat);
      const extra = this.extraMaps.get(key);
      if (extra) Object.assign(material, extra);
      const mesh = new THREE.Mesh(geom, material);
      mesh.name = b.node ? (isPaint(b.mat) ? b.node : `${b.node}/${b.mat}`) : `decor/${b.mat}`;
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
