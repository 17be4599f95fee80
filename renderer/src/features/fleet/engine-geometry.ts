import type * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { box, cyl, lathe } from '../../scene/model/primitives';

/** Height of an engine's axis above the hangar floor, metres. */
export const ENGINE_AXIS_Y = 1.15;
/** Engine length along x, metres (the fleet layout leaves an aisle beyond it). */
export const ENGINE_LENGTH = 2.9;

/** Position and normal only, indexed (shared corners shaded once: 1,000 engines are vertex-bound in software). */
const strip = (g: THREE.BufferGeometry) => {
  for (const name of Object.keys(g.attributes))
    if (name !== 'position' && name !== 'normal') g.deleteAttribute(name);
  return g;
};

/**
 * One engine of the fleet, as one low-poly mesh for instancing: nacelle, spinner, core exhaust and
 * plug, on a transport stand. The fan faces −x; the whole shape takes one color per instance. `low` (a plain
 * scene, low quality): the round parts with a third of the segments (8 at least), no spinner or plug and a simpler
 * stand: under a third of the triangles (168 against 608), as 1,000 engines are vertex-bound in software.
 */
export function fleetEngineGeometry(low = false): THREE.BufferGeometry {
  const seg = (n: number) => (low ? Math.max(8, Math.round(n / 3)) : n);
  const y = ENGINE_AXIS_Y;
  const x0 = -ENGINE_LENGTH / 2;
  // Nacelle outer skin: (radius, distance from the intake lip).
  const nacelle = lathe(
    [
      [0.5, 0],
      [0.58, 0.12],
      [0.6, 0.5],
      [0.58, 1.4],
      [0.46, 1.95],
      [0.42, 1.98],
    ],
    'x',
    [x0, y, 0],
    seg(24),
  );
  const spinner = lathe(
    [
      [0.0, 0.0],
      [0.12, 0.1],
      [0.2, 0.3],
      [0.21, 0.34],
    ],
    'x',
    [x0 + 0.06, y, 0],
    seg(16),
  );
  const fanFace = cyl(0.5, 0.02, 'x', [x0 + 0.38, y, 0], { seg: seg(24) });
  const core = lathe(
    [
      [0.42, 0],
      [0.36, 0.45],
      [0.28, 0.8],
    ],
    'x',
    [x0 + 1.96, y, 0],
    seg(20),
  );
  const plug = lathe(
    [
      [0.2, 0],
      [0.12, 0.14],
      [0.0, 0.16],
    ],
    'x',
    [x0 + 2.74, y, 0],
    seg(12),
  );
  // Low: the stand as its base and one post under the cradle (a quarter of its triangles).
  const stand = low
    ? [box(2.2, 0.08, 0.9, [0, 0.06, 0]), box(1.3, y - 0.47, 0.1, [0, (y - 0.47) / 2 + 0.1, 0])]
    : [
        box(2.2, 0.08, 0.9, [0, 0.06, 0]),
        box(0.1, y - 0.55, 0.1, [-0.6, (y - 0.55) / 2 + 0.1, 0]),
        box(0.1, y - 0.55, 0.1, [0.6, (y - 0.55) / 2 + 0.1, 0]),
        box(1.4, 0.08, 0.5, [0, y - 0.52, 0]),
      ];
  // Low: no spinner (inside the intake) or exhaust plug, too small to see at the distances Low is for.
  const parts = low ? [nacelle, fanFace, core, ...stand] : [nacelle, spinner, fanFace, core, plug, ...stand];
  const merged = mergeGeometries(parts.map(strip), false);
  if (!merged) throw new Error('fleet engine geometry could not be merged');
  merged.computeBoundingSphere();
  return merged;
}
