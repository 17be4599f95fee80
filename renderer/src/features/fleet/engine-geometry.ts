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
 * How finely an engine is drawn: `full`; `low` (a plain scene, low quality: the round parts with a third of the
 * segments, 8 at least, no spinner, a simpler stand); `far` (an engine the camera sees small: 6 segments, the
 * nacelle, fan, core and plug as three plain shells). All three have the same bounds.
 */
export type EngineDetail = 'full' | 'low' | 'far';

/** The core and exhaust plug as one shell, for the far mesh: (radius, distance from the core's start). */
const FAR_CORE: [number, number][] = [
  [0.42, 0],
  [0.28, 0.8],
  [0.12, 0.92],
  [0, 0.94],
];

/**
 * One engine of the fleet, as one low-poly mesh for instancing: nacelle, spinner, core exhaust and
 * plug, on a transport stand. The fan faces −x; the whole shape takes one color per instance. Triangles: 608
 * full, 200 low, 108 far (1,000 engines are vertex-bound in software).
 */
export function fleetEngineGeometry(detail: EngineDetail = 'full'): THREE.BufferGeometry {
  const seg = (n: number) => (detail === 'far' ? 6 : detail === 'low' ? Math.max(8, Math.round(n / 3)) : n);
  const y = ENGINE_AXIS_Y;
  const x0 = -ENGINE_LENGTH / 2;
  // Nacelle outer skin: (radius, distance from the intake lip).
  const nacelle = lathe(
    detail === 'far'
      ? [
          [0.5, 0],
          [0.6, 0.5],
          [0.42, 1.98],
        ]
      : [
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
    detail === 'far'
      ? FAR_CORE
      : [
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
  // Low and far: the stand as its base and one post under the cradle (half its triangles).
  const stand =
    detail !== 'full'
      ? [box(2.2, 0.08, 0.9, [0, 0.06, 0]), box(1.3, y - 0.47, 0.1, [0, (y - 0.47) / 2 + 0.1, 0])]
      : [
          box(2.2, 0.08, 0.9, [0, 0.06, 0]),
          box(0.1, y - 0.55, 0.1, [-0.6, (y - 0.55) / 2 + 0.1, 0]),
          box(0.1, y - 0.55, 0.1, [0.6, (y - 0.55) / 2 + 0.1, 0]),
          box(1.4, 0.08, 0.5, [0, y - 0.52, 0]),
        ];
  // Far: turn the six-sided shells a half segment about the engine's axis, so a corner is at the top (full height).
  if (detail === 'far')
    for (const g of [nacelle, fanFace, core])
      g.translate(0, -y, 0)
        .rotateX(Math.PI / 6)
        .translate(0, y, 0);
  // Low: no spinner (inside the intake); far: the plug is part of the core's shell.
  const parts =
    detail === 'full'
      ? [nacelle, spinner, fanFace, core, plug, ...stand]
      : detail === 'low'
        ? [nacelle, fanFace, core, plug, ...stand]
        : [nacelle, fanFace, core, ...stand];
  const merged = mergeGeometries(parts.map(strip), false);
  if (!merged) throw new Error('fleet engine geometry could not be merged');
  merged.computeBoundingSphere();
  return merged;
}
