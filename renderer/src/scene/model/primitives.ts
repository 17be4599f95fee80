import * as THREE from 'three';

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
