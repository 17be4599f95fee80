import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl, pipePath, tube } from '../model/primitives';
import { AXIS_Y, MOTOR, VFD } from './layout';

const NODE = 'vfd-cabinet';

/** Floor-standing drive cabinet on a plinth, with door, louvres, keypad and a conduit to the motor. */
export function buildVfd(sink: PartSink): void {
  const { x, z, width: w, depth: d, height: h } = VFD;
  const plinth = 0.1;
  sink.add(NODE, 'rubber', box(w - 0.04, plinth, d - 0.04, [x, plinth / 2, z]));
  sink.add(NODE, 'paint-cabinet', box(w, h, d, [x, plinth + h / 2, z]));
  sink.add(NODE, 'paint-cabinet', box(w + 0.03, 0.04, d + 0.03, [x, plinth + h + 0.02, z]));
  const front = z + d / 2;
  // Door seam, hinges and handle.
  sink.add(NODE, 'dark-steel', box(w - 0.04, 0.006, 0.004, [x, plinth + 0.03, front]));
  sink.add(NODE, 'dark-steel', box(0.006, h - 0.06, 0.004, [x - w / 2 + 0.02, plinth + h / 2, front]));
  sink.add(NODE, 'dark-steel', box(0.006, h - 0.06, 0.004, [x + w / 2 - 0.02, plinth + h / 2, front]));
  sink.add(NODE, 'steel', box(0.025, 0.16, 0.03, [x + w / 2 - 0.07, plinth + h * 0.55, front + 0.015]));
  // Intake and exhaust louvres.
  for (const base of [plinth + 0.12, plinth + h - 0.35]) {
    for (let i = 0; i < 6; i++)
      sink.add(NODE, 'dark-steel', box(w * 0.55, 0.012, 0.01, [x, base + i * 0.04, front + 0.003]));
  }
  // Keypad display and a stop pushbutton.
  sink.add(NODE, 'rubber', box(0.16, 0.11, 0.02, [x - 0.1, plinth + h * 0.68, front + 0.01]));
  sink.add(NODE, 'glass', box(0.1, 0.05, 0.005, [x - 0.1, plinth + h * 0.68 + 0.02, front + 0.022]));
  sink.add(
    NODE,
    'dark-steel',
    cyl(0.02, 0.03, 'z', [x + 0.12, plinth + h * 0.68, front + 0.015], { seg: 16 }),
  );
  sink.add(NODE, 'steel', box(0.12, 0.05, 0.003, [x - 0.1, plinth + h * 0.8, front + 0.002]));
  // Motor cable conduit overhead into the terminal box.
  const ty = AXIS_Y + MOTOR.radius + 0.2;
  const path = pipePath(
    [
      new THREE.Vector3(x + w / 2 - 0.05, plinth + h + 0.04, z),
      new THREE.Vector3(x + w / 2 - 0.05, plinth + h + 0.25, z),
      new THREE.Vector3(MOTOR.terminalX, plinth + h + 0.25, z),
      new THREE.Vector3(MOTOR.terminalX, ty + 0.13, z),
    ],
    0.15,
  );
  sink.add(null, 'dark-steel', tube(path, 0.025, 120, 10));
}

/** Coupling guard: perforated half shell open underneath, with end plates. */
export function buildCouplingGuard(sink: PartSink): void {
  const node = 'coupling-guard';
  const x0 = MOTOR.body1 + 0.05;
  const x1 = -0.12;
  const r = 0.15;
  const g = new THREE.CylinderGeometry(r, r, x1 - x0, 40, 1, false, Math.PI - 0.35, Math.PI + 0.7);
  g.rotateZ(-Math.PI / 2);
  g.translate((x0 + x1) / 2, AXIS_Y, 0);
  sink.add(node, 'paint-pump', g);
  // Solid mounting feet down to the base.
  for (const z of [-0.13, 0.13])
    sink.add(
      `${node}`,
      'paint-frame',
      box(0.05, AXIS_Y - 0.3 - 0.04, 0.02, [(x0 + x1) / 2, (AXIS_Y + 0.3 - 0.04) / 2, z]),
    );
  sink.add(node, 'paint-frame', cyl(r + 0.004, 0.02, 'x', [x0 + 0.01, AXIS_Y, 0], { seg: 40, open: true }));
}
