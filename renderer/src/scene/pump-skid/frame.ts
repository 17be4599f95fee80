import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl } from '../model/primitives';
import { SKID } from './layout';

const NODE = 'base-frame';

/** C-channel rail along X, web on the outside, flanges pointing inward (sign = -1 for the far rail). */
function channel(length: number, z: number, inward: 1 | -1): THREE.BufferGeometry {
  const h = 0.2;
  const f = 0.075;
  const t = 0.012;
  const s = new THREE.Shape();
  // Drawn in (u = toward inside, v = up) coordinates.
  s.moveTo(0, 0);
  s.lineTo(f, 0);
  s.lineTo(f, t);
  s.lineTo(t, t);
  s.lineTo(t, h - t);
  s.lineTo(f, h - t);
  s.lineTo(f, h);
  s.lineTo(0, h);
  s.closePath();
  const g = new THREE.ExtrudeGeometry(s, { depth: length, bevelEnabled: false });
  // Shape x → -z after rotateY(+90°), extrusion z → x.
  g.rotateY(Math.PI / 2);
  if (inward === -1) g.scale(1, 1, -1);
  g.translate(SKID.x0, SKID.plinth, z);
  return g;
}

export function buildFrame(sink: PartSink): void {
  const length = SKID.x1 - SKID.x0;
  const cx = (SKID.x0 + SKID.x1) / 2;
  // Grouted concrete plinth, slightly larger than the skid.
  sink.add(null, 'concrete', box(length + 0.3, SKID.plinth, 1.3, [cx, SKID.plinth / 2, 0]));
  sink.add(NODE, 'paint-frame', channel(length, SKID.halfWidth, 1));
  sink.add(NODE, 'paint-frame', channel(length, -SKID.halfWidth, -1));
  // Cross members.
  for (const x of [SKID.x0 + 0.06, -0.95, -0.3, 0.35, 0.95, SKID.x1 - 0.06]) {
    sink.add(NODE, 'paint-frame', box(0.1, 0.16, SKID.halfWidth * 2 - 0.03, [x, SKID.plinth + 0.09, 0]));
  }
  // End plates and a drip rim.
  for (const x of [SKID.x0 + 0.005, SKID.x1 - 0.005])
    sink.add(NODE, 'paint-frame', box(0.01, 0.2, SKID.halfWidth * 2, [x, SKID.plinth + 0.1, 0]));
  // Machined mounting pads under the motor and pump feet.
  for (const [x, w] of [
    [-1.27, 0.14],
    [-0.7, 0.14],
    [0.03, 0.16],
    [0.67, 0.24],
  ] as const) {
    for (const z of [-0.2, 0.2]) sink.add(NODE, 'steel', box(w, 0.02, 0.14, [x, SKID.railTop + 0.01, z]));
  }
  // Longitudinal pad beams under the motor and pump.
  for (const z of [-0.2, 0.2])
    sink.add(NODE, 'paint-frame', box(length - 0.2, 0.04, 0.1, [cx, SKID.railTop - 0.02, z]));
  // Anchor bolts through the rail flanges.
  for (const x of [SKID.x0 + 0.2, -0.6, 0.6, SKID.x1 - 0.2]) {
    for (const z of [-SKID.halfWidth - 0.06, SKID.halfWidth + 0.06]) {
      sink.add(NODE, 'dark-steel', cyl(0.016, 0.07, 'y', [x, SKID.plinth + 0.03, z], { seg: 6 }));
      sink.add(NODE, 'steel', box(0.08, 0.012, 0.08, [x, SKID.plinth + 0.006, z]));
    }
  }
  // Lifting lugs at the corners.
  for (const x of [SKID.x0 + 0.12, SKID.x1 - 0.12]) {
    for (const z of [-SKID.halfWidth - 0.01, SKID.halfWidth + 0.01]) {
      sink.add(NODE, 'paint-frame', box(0.09, 0.09, 0.015, [x, SKID.railTop + 0.02, z]));
    }
  }
}
