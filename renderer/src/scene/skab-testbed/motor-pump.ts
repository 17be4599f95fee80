import * as THREE from 'three';
import { flange } from '../model/flange';
import { sensorHead } from '../model/instruments';
import type { PartSink } from '../model/part-sink';
import { box, cyl, lathe, sphere, torus } from '../model/primitives';
import { buildTefcMotor } from '../model/tefc-motor';
import { AXIS_Y, BASE, GUARD, MOTOR, PIPE_R, PUMP, TOP } from './layout';

const BLUE = 'paint-enamel-blue';
/** Instruments at lab size: about half the plant-sized ones. */
const LAB = 0.45;

export const NODES = {
  motorBody: 'motor-body',
  motorFanCover: 'motor-fan-cover',
  motorTerminalBox: 'motor-terminal-box',
  guard: 'coupling-guard',
  bracket: 'pump-bracket',
  casing: 'pump-casing',
} as const;

/** 0.75 kW class blue TEFC motor on its raised seat. */
export function buildMotor(sink: PartSink): void {
  buildTefcMotor(sink, {
    axisY: AXIS_Y,
    baseY: TOP + BASE.thick + 0.035,
    fan0: MOTOR.fan0,
    body0: MOTOR.body0,
    body1: MOTOR.body1,
    radius: MOTOR.radius,
    terminalX: -0.92,
    feetX: [-0.99, -0.83],
    feetZ: 0.075,
    nameplateX: -0.96,
    paint: BLUE,
    nodes: { body: NODES.motorBody, fanCover: NODES.motorFanCover, terminalBox: NODES.motorTerminalBox },
  });
}

/** See-through acrylic guard over the coupling, clamped to the motor flange and the pump bracket. */
export function buildCouplingGuard(sink: PartSink): void {
  const { x0, x1, radius: r } = GUARD;
  const len = x1 - x0;
  sink.add(NODES.guard, 'glass', cyl(r, len, 'x', [(x0 + x1) / 2, AXIS_Y, 0], { seg: 48, open: true }));
  // Light clamp rings at both ends and a seam along the top outline the clear shell.
  for (const x of [x0 + 0.006, x1 - 0.006])
    sink.add(NODES.guard, 'dial', torus(r, 0.004, 'x', [x, AXIS_Y, 0]));
  sink.add(NODES.guard, 'dial', box(len, 0.004, 0.006, [(x0 + x1) / 2, AXIS_Y + r, 0]));
}

/**
 * Bracket between motor and pump: the motor's blue flange lantern, the cast pump lantern and the square
 * mounting plate with its foot on the base.
 */
export function buildPumpBracket(sink: PartSink): void {
  const node = NODES.bracket;
  const motorFlange: [number, number][] = [
    [MOTOR.radius * 0.9, 0],
    [MOTOR.radius * 0.8, 0.02],
    [0.05, 0.05],
    [0.02, 0.055],
  ];
  sink.add(node, BLUE, lathe(motorFlange, 'x', [MOTOR.body1 + 0.003, AXIS_Y, 0], 40));
  const pumpLantern: [number, number][] = [
    [0.02, 0],
    [0.045, 0.005],
    [0.07, 0.045],
    [0.085, 0.06],
  ];
  sink.add(node, BLUE, lathe(pumpLantern, 'x', [PUMP.sleeve0 - 0.065, AXIS_Y, 0], 40));
  const plateX = PUMP.sleeve0 - 0.004;
  sink.add(node, 'paint-cabinet', box(0.014, 0.2, 0.19, [plateX, AXIS_Y + 0.02, 0]));
  sink.add(node, 'steel', box(0.05, AXIS_Y - TOP - BASE.thick - 0.08, 0.06, [plateX, (AXIS_Y + TOP) / 2, 0]));
  sink.add(node, 'steel', box(0.08, 0.01, 0.16, [plateX, TOP + BASE.thick + 0.005, 0]));
  for (const dy of [-0.075, 0.075])
    for (const dz of [-0.07, 0.07])
      sink.add(
        node,
        'dark-steel',
        cyl(0.006, 0.02, 'x', [plateX + 0.008, AXIS_Y + 0.02 + dy, dz], { seg: 6 }),
      );
}

/**
 * Horizontal multistage pump: stainless stage sleeve held by four tie rods, blue end casing with the
 * axial inlet and the outlet on top, a foot, and the two accelerometers (VT101 on the casing, VT102 on
 * the sleeve).
 */
export function buildPumpCasing(sink: PartSink): void {
  const node = NODES.casing;
  const { sleeve0, sleeve1, sleeveRadius: rs, casing0, casing1, casingRadius: rc } = PUMP;
  sink.add(
    node,
    'paint-tank',
    cyl(rs, sleeve1 - sleeve0, 'x', [(sleeve0 + sleeve1) / 2, AXIS_Y, 0], { seg: 48 }),
  );
  for (let i = 0; i < 4; i++) {
    const a = Math.PI / 4 + (i * Math.PI) / 2;
    const p = [AXIS_Y + Math.sin(a) * (rs + 0.012), Math.cos(a) * (rs + 0.012)] as const;
    sink.add(
      node,
      'steel',
      cyl(0.005, sleeve1 - sleeve0 + 0.02, 'x', [(sleeve0 + sleeve1) / 2, p[0], p[1]], { seg: 8 }),
    );
    for (const x of [sleeve0 + 0.006, sleeve1 + 0.012])
      sink.add(node, 'dark-steel', cyl(0.009, 0.01, 'x', [x, p[0], p[1]], { seg: 6 }));
  }
  const casing: [number, number][] = [
    [0.02, 0],
    [rc + 0.012, 0],
    [rc + 0.012, 0.014],
    [rc, 0.02],
    [rc, 0.09],
    [rc * 0.85, 0.13],
    [0.05, casing1 - casing0 - 0.005],
    [0.03, casing1 - casing0],
  ];
  sink.add(node, BLUE, lathe(casing, 'x', [casing0, AXIS_Y, 0], 48));
  flange(sink, node, 'x', [casing0 + 0.007, AXIS_Y, 0], rc - 0.035, 8, 0.35);
  // Axial inlet spigot and outlet boss on top.
  sink.add(node, BLUE, cyl(PIPE_R + 0.006, 0.05, 'x', [casing1 + 0.015, AXIS_Y, 0], { seg: 28 }));
  const outletTop = AXIS_Y + rc + 0.035;
  sink.add(
    node,
    BLUE,
    cyl(0.034, outletTop - AXIS_Y, 'y', [PUMP.outletX, (AXIS_Y + outletTop) / 2, 0], { seg: 28 }),
  );
  // Priming and drain plugs.
  sink.add(
    node,
    'dark-steel',
    cyl(0.01, 0.014, 'y', [PUMP.outletX + 0.05, AXIS_Y + rc * 0.8, 0.02], { seg: 6 }),
  );
  sink.add(node, 'dark-steel', cyl(0.01, 0.014, 'y', [PUMP.outletX, AXIS_Y - rc - 0.005, 0.03], { seg: 6 }));
  // Foot under the casing.
  const footH = AXIS_Y - rc - TOP - BASE.thick + 0.01;
  sink.add(node, BLUE, box(0.05, footH, 0.11, [casing0 + 0.06, TOP + BASE.thick + footH / 2, 0]));
  sink.add(node, BLUE, box(0.08, 0.012, 0.16, [casing0 + 0.06, TOP + BASE.thick + 0.006, 0]));
  // Accelerometers: stud-mounted, each with its cable.
  sensorHead(sink, node, casing0 + 0.045, AXIS_Y + rc, 0, 0.02, LAB);
  sensorHead(sink, node, (sleeve0 + sleeve1) / 2, AXIS_Y + rs, 0, 0.02, LAB);
}

/**
 * Shaft line in its own frame (shaft along X through the origin): motor fan, jaw coupling and the pump's
 * stage impellers, which show through the casings in x-ray.
 */
export function buildRotor(sink: PartSink): void {
  const n = null;
  const end = PUMP.casing0 + 0.07;
  sink.add(n, 'steel', cyl(0.012, end - MOTOR.fan0, 'x', [(end + MOTOR.fan0) / 2, 0, 0], { seg: 16 }));
  const mid = (GUARD.x0 + GUARD.x1) / 2;
  for (const dx of [-0.028, 0.028])
    sink.add(n, 'steel', cyl(0.028, 0.035, 'x', [mid + dx, 0, 0], { seg: 28 }));
  // Elastomer spider between the jaws; its lobes make the turning visible.
  sink.add(n, 'rubber', cyl(0.03, 0.02, 'x', [mid, 0, 0], { seg: 28 }));
  for (let i = 0; i < 3; i++) {
    const a = (i / 3) * Math.PI * 2;
    const jaw = box(0.02, 0.02, 0.02, [
      mid + (i % 2 ? 0.02 : -0.02),
      Math.sin(a) * 0.026,
      Math.cos(a) * 0.026,
    ]);
    sink.add(n, 'dark-steel', jaw);
  }
  const stages = 4;
  for (let k = 0; k < stages; k++) {
    const x = PUMP.sleeve0 + 0.03 + (k * (PUMP.casing0 + 0.04 - PUMP.sleeve0)) / stages;
    sink.add(n, 'steel', cyl(PUMP.sleeveRadius - 0.012, 0.006, 'x', [x, 0, 0], { seg: 32 }));
    for (let i = 0; i < 6; i++) {
      const vane = new THREE.BoxGeometry(0.012, 0.045, 0.003);
      vane.translate(x + 0.009, 0.035, 0);
      vane.rotateX((i / 6) * Math.PI * 2 + k * 0.3);
      sink.add(n, 'dark-steel', vane);
    }
  }
  for (let i = 0; i < 6; i++) {
    const blade = new THREE.BoxGeometry(0.02, 0.07, 0.004);
    blade.translate(MOTOR.fan0 + 0.035, 0.05, 0);
    blade.rotateX((i / 6) * Math.PI * 2);
    sink.add(n, 'dark-steel', blade);
  }
  sink.add(n, 'dark-steel', sphere(0.02, [MOTOR.fan0 + 0.035, 0, 0], [1, 1, 1]));
}
