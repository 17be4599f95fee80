import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl, lathe, torus } from '../model/primitives';
import { AXIS_Y, MOTOR } from './layout';

/** 75 kW TEFC motor (IEC frame 280): ribbed body, fan cover with grille, terminal box, feet, lifting eye. */
export function buildMotor(sink: PartSink): void {
  const body = 'motor-body';
  const fan = 'motor-fan-cover';
  const tbox = 'motor-terminal-box';
  const r = MOTOR.radius;
  const len = MOTOR.body1 - MOTOR.body0;
  const cx = (MOTOR.body0 + MOTOR.body1) / 2;
  sink.add(body, 'paint-motor', cyl(r, len, 'x', [cx, AXIS_Y, 0], { seg: 48 }));
  // Cooling fins, skipping the feet and terminal box sectors.
  const fins = 36;
  for (let i = 0; i < fins; i++) {
    const a = (i / fins) * Math.PI * 2;
    const deg = ((a * 180) / Math.PI) % 360;
    if (deg > 240 && deg < 300) continue; // under the body, where the feet are
    const fin = new THREE.BoxGeometry(len - 0.04, 0.045, 0.008);
    fin.translate(0, r + 0.02, 0);
    fin.rotateX(a);
    fin.translate(cx, AXIS_Y, 0);
    sink.add(body, 'paint-motor', fin);
  }
  // End shields.
  sink.add(
    body,
    'paint-motor',
    lathe(
      [
        [0.05, 0],
        [r * 0.92, 0],
        [r + 0.01, 0.03],
        [r + 0.01, 0.06],
        [0.0, 0.06],
      ],
      'x',
      [MOTOR.body1 - 0.01, AXIS_Y, 0],
      48,
    ),
  );
  sink.add(body, 'paint-motor', cyl(r + 0.012, 0.05, 'x', [MOTOR.body0 + 0.02, AXIS_Y, 0], { seg: 48 }));
  sink.add(body, 'steel', cyl(0.06, 0.04, 'x', [MOTOR.body1 + 0.06, AXIS_Y, 0]));
  // Feet.
  for (const x of [-1.27, -0.7]) {
    for (const z of [-0.2, 0.2]) {
      sink.add(body, 'paint-motor', box(0.12, AXIS_Y - 0.3 - 0.12, 0.1, [x, (AXIS_Y - 0.12 + 0.3) / 2, z]));
      sink.add(body, 'paint-motor', box(0.14, 0.025, 0.13, [x, 0.3 + 0.0125, z]));
      sink.add(body, 'dark-steel', cyl(0.016, 0.035, 'y', [x, 0.33, z], { seg: 6 }));
    }
  }
  // Lifting eye.
  sink.add(body, 'steel', torus(0.04, 0.01, 'x', [-1.17, AXIS_Y + r + 0.09, 0]));
  sink.add(body, 'paint-motor', box(0.05, 0.05, 0.03, [-1.17, AXIS_Y + r + 0.03, 0]));
  // Nameplate.
  sink.add(body, 'steel', box(0.16, 0.09, 0.004, [-1.05, AXIS_Y + 0.02, r + 0.045]));

  // Fan cover: cylinder, rounded end and a concentric grille with a dark inside.
  const fr = r + 0.035;
  const fl = MOTOR.body0 - MOTOR.fan0;
  sink.add(fan, 'paint-motor', cyl(fr, fl, 'x', [MOTOR.fan0 + fl / 2, AXIS_Y, 0], { seg: 48, open: true }));
  sink.add(fan, 'paint-motor', torus(fr - 0.012, 0.012, 'x', [MOTOR.fan0, AXIS_Y, 0]));
  for (let k = 1; k <= 6; k++)
    sink.add(fan, 'paint-motor', torus((fr * k) / 7, 0.0055, 'x', [MOTOR.fan0 - 0.005, AXIS_Y, 0]));
  for (let k = 0; k < 4; k++) {
    const spoke = new THREE.BoxGeometry(0.01, fr * 2 - 0.02, 0.012);
    spoke.rotateX((k * Math.PI) / 4);
    spoke.translate(MOTOR.fan0 - 0.006, AXIS_Y, 0);
    sink.add(fan, 'paint-motor', spoke);
  }
  sink.add(fan, 'rubber', cyl(fr - 0.015, 0.005, 'x', [MOTOR.fan0 + 0.04, AXIS_Y, 0], { seg: 48 }));

  // Terminal box on top, with a lid and cable glands.
  const ty = AXIS_Y + r + 0.11;
  sink.add(tbox, 'paint-motor', box(0.3, 0.2, 0.3, [MOTOR.terminalX, ty, 0]));
  sink.add(tbox, 'paint-motor', box(0.32, 0.025, 0.32, [MOTOR.terminalX, ty + 0.11, 0]));
  sink.add(tbox, 'paint-motor', box(0.22, 0.06, 0.22, [MOTOR.terminalX, ty - 0.12, 0]));
  sink.add(tbox, 'dark-steel', cyl(0.025, 0.05, 'z', [MOTOR.terminalX, ty - 0.03, 0.17]));
  sink.add(tbox, 'dark-steel', cyl(0.02, 0.04, 'x', [MOTOR.terminalX - 0.17, ty - 0.03, 0.06]));
}
