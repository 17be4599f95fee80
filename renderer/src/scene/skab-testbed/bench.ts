import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl } from '../model/primitives';
import { BASE, BENCH, MOTOR, TOP } from './layout';

/** The bench's grey top slab, its front edge chamfered as on the photograph; extruded along X. */
function slab(): THREE.BufferGeometry {
  const { z0, z1, slab: h } = BENCH;
  const chamfer = 0.025;
  const s = new THREE.Shape();
  // Drawn in (u = -z, v = y) so that the extrusion along +Z turns onto +X below.
  s.moveTo(-z0, TOP - h);
  s.lineTo(-z1, TOP - h);
  s.lineTo(-z1, TOP - chamfer);
  s.lineTo(-z1 + chamfer, TOP);
  s.lineTo(-z0, TOP);
  s.closePath();
  const g = new THREE.ExtrudeGeometry(s, { depth: BENCH.x1 - BENCH.x0, bevelEnabled: false });
  g.rotateY(Math.PI / 2);
  g.translate(BENCH.x0, 0, 0);
  return g;
}

/** Steel bench at working height: chamfered top slab, square-tube legs and rails, levelling feet. */
export function buildBench(sink: PartSink): void {
  sink.add(null, 'paint-frame', slab());
  const legTop = TOP - BENCH.slab;
  const tube = 0.05;
  const xs = [BENCH.x0 + 0.06, BENCH.x1 - 0.06];
  const zs = [BENCH.z0 + 0.05, BENCH.z1 - 0.05];
  for (const x of xs)
    for (const z of zs) {
      sink.add(null, 'dark-steel', box(tube, legTop - 0.03, tube, [x, 0.03 + (legTop - 0.03) / 2, z]));
      sink.add(null, 'rubber', cyl(0.03, 0.012, 'y', [x, 0.006, z], { seg: 20 }));
      sink.add(null, 'steel', cyl(0.008, 0.03, 'y', [x, 0.027, z], { seg: 8 }));
    }
  const span = BENCH.x1 - BENCH.x0 - 0.12;
  const depth = BENCH.z1 - BENCH.z0 - 0.1;
  for (const y of [legTop - 0.04, 0.14]) {
    for (const z of zs) sink.add(null, 'dark-steel', box(span, 0.04, 0.03, [0, y, z]));
    for (const x of xs) sink.add(null, 'dark-steel', box(0.03, 0.04, depth, [x, y, (zs[0]! + zs[1]!) / 2]));
  }
}

/** Aluminium base plate carrying motor and pump, with the raised motor seat and its clamp lever. */
export function buildPumpBase(sink: PartSink): void {
  const len = BASE.x1 - BASE.x0;
  const cx = (BASE.x0 + BASE.x1) / 2;
  sink.add(null, 'steel', box(len, BASE.thick, BASE.z * 2, [cx, TOP + BASE.thick / 2, 0]));
  const seatLen = MOTOR.body1 - MOTOR.body0 + 0.02;
  const seatX = (MOTOR.body0 + MOTOR.body1) / 2;
  sink.add(null, 'steel', box(seatLen, 0.035, BASE.z * 1.4, [seatX, TOP + BASE.thick + 0.0175, 0]));
  for (const x of [BASE.x0 + 0.04, BASE.x1 - 0.04])
    for (const z of [-BASE.z + 0.03, BASE.z - 0.03])
      sink.add(null, 'dark-steel', cyl(0.01, 0.012, 'y', [x, TOP + BASE.thick + 0.006, z], { seg: 6 }));
  // Clamp lever at the front of the motor seat.
  const lever = new THREE.CylinderGeometry(0.009, 0.011, 0.2, 12);
  lever.rotateZ(Math.PI / 2 - 0.12);
  lever.translate(seatX + 0.08, TOP + BASE.thick + 0.03, BASE.z * 0.7 + 0.02);
  sink.add(null, 'rubber', lever);
  sink.add(
    null,
    'steel',
    cyl(0.015, 0.04, 'z', [seatX - 0.02, TOP + BASE.thick + 0.02, BASE.z * 0.7], { seg: 12 }),
  );
}
