import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl, pipePath, tube } from '../model/primitives';
import { BOARD, TOP } from './layout';

export const NODES = {
  drive: 'frequency-converter',
  controlRack: 'control-rack',
  monitoringRack: 'monitoring-rack',
  embeddedComputer: 'embedded-computer',
  emergencyStop: 'emergency-stop',
} as const;

const HALF_WIDTH = 1.34;
/** Front face of the board; mounted equipment starts here. */
const FACE = BOARD.front;

const V = (x: number, y: number, z: number) => new THREE.Vector3(x, y, z);

/** Half-sphere of radius `r` bulging `depth` toward the viewer (+Z) from its base at `c`. */
function domeToViewer(r: number, depth: number, c: readonly [number, number, number]): THREE.BufferGeometry {
  const g = new THREE.SphereGeometry(r, 32, 12, 0, Math.PI * 2, 0, Math.PI / 2);
  g.scale(1, depth / r, 1);
  g.rotateX(Math.PI / 2);
  g.translate(c[0], c[1], c[2]);
  return g;
}

/** Lighter rounded field printed on the board behind a group of devices (x, y of its centre above TOP). */
function field(sink: PartSink, x: number, y: number, w: number, h: number): void {
  const r = 0.04;
  const s = new THREE.Shape();
  s.moveTo(-w / 2 + r, -h / 2);
  s.lineTo(w / 2 - r, -h / 2);
  s.quadraticCurveTo(w / 2, -h / 2, w / 2, -h / 2 + r);
  s.lineTo(w / 2, h / 2 - r);
  s.quadraticCurveTo(w / 2, h / 2, w / 2 - r, h / 2);
  s.lineTo(-w / 2 + r, h / 2);
  s.quadraticCurveTo(-w / 2, h / 2, -w / 2, h / 2 - r);
  s.lineTo(-w / 2, -h / 2 + r);
  s.quadraticCurveTo(-w / 2, -h / 2, -w / 2 + r, -h / 2);
  const g = new THREE.ExtrudeGeometry(s, { depth: 0.002, bevelEnabled: false, curveSegments: 4 });
  g.translate(x, TOP + y, FACE);
  sink.add(null, 'dial', g);
}

/** Modular controller: dark chassis, controller module, I/O modules with plugs, empty slots at the end. */
function controller(sink: PartSink, node: string, x: number, y: number, modules: number): void {
  const slots = modules + 3;
  const slot = 0.052;
  const w = slots * slot + 0.03;
  const cy = TOP + y;
  sink.add(node, 'dark-steel', box(w, 0.15, 0.05, [x, cy, FACE + 0.025]));
  const left = x - w / 2 + 0.015;
  sink.add(node, 'dial', box(slot * 2 - 0.006, 0.13, 0.085, [left + slot, cy, FACE + 0.0425]));
  sink.add(node, 'rubber', box(0.03, 0.03, 0.004, [left + slot * 0.6, cy + 0.02, FACE + 0.086]));
  for (let i = 0; i < modules; i++) {
    const mx = left + slot * (2.5 + i);
    sink.add(node, 'paint-cabinet', box(slot - 0.006, 0.13, 0.08, [mx, cy, FACE + 0.04]));
    sink.add(node, 'rubber', box(slot - 0.02, 0.07, 0.016, [mx, cy - 0.01, FACE + 0.088]));
  }
  // Mounting feet of the chassis.
  for (const sx of [-1, 1])
    sink.add(node, 'steel', box(0.02, 0.17, 0.01, [x + sx * (w / 2 + 0.01), cy, FACE + 0.005]));
}

/** Embedded computer of the measurement system: grey case, dark connector strip, looped cables. */
function embeddedComputer(sink: PartSink, x: number, y: number): void {
  const node = NODES.embeddedComputer;
  const cy = TOP + y;
  sink.add(node, 'paint-cabinet', box(0.1, 0.16, 0.055, [x, cy, FACE + 0.0275]));
  sink.add(node, 'dark-steel', box(0.022, 0.13, 0.004, [x + 0.03, cy, FACE + 0.057]));
  for (let i = 0; i < 4; i++)
    sink.add(node, 'rubber', box(0.014, 0.012, 0.008, [x - 0.02, cy + 0.05 - i * 0.03, FACE + 0.059]));
  cable(sink, [
    [x - 0.06, y + 0.05, FACE + 0.03],
    [x - 0.13, y + 0.05, FACE + 0.03],
    [x - 0.13, y - 0.09, FACE + 0.03],
  ]);
}

/** Wall-mounted frequency converter: black housing, display and keypad, heat-sink fins on the sides. */
function frequencyConverter(sink: PartSink, x: number, y: number): void {
  const node = NODES.drive;
  const cy = TOP + y;
  const w = 0.18;
  const h = 0.26;
  const d = 0.11;
  sink.add(node, 'rubber', box(w, h, d, [x, cy, FACE + d / 2]));
  sink.add(node, 'dark-steel', box(w - 0.03, h * 0.45, 0.004, [x, cy + h * 0.2, FACE + d]));
  sink.add(node, 'glass', box(0.09, 0.03, 0.004, [x, cy + h * 0.3, FACE + d + 0.003]));
  sink.add(node, 'signal-red', box(0.06, 0.016, 0.002, [x, cy + h * 0.3, FACE + d + 0.002]));
  for (let i = 0; i < 6; i++) {
    const bx = x - 0.045 + (i % 3) * 0.045;
    const by = cy + h * 0.12 - Math.floor(i / 3) * 0.035;
    sink.add(node, 'dial', box(0.03, 0.02, 0.008, [bx, by, FACE + d + 0.004]));
  }
  for (let i = 0; i < 7; i++)
    sink.add(
      node,
      'dark-steel',
      box(w - 0.05, 0.006, 0.003, [x, cy - h * 0.22 - i * 0.012, FACE + d + 0.001]),
    );
  for (const sx of [-1, 1])
    for (let i = 0; i < 5; i++)
      sink.add(
        node,
        'dark-steel',
        box(0.012, h - 0.04, 0.004, [x + sx * (w / 2 + 0.006), cy, FACE + 0.02 + i * 0.018]),
      );
}

/** Emergency stop: red mushroom head on a yellow ring, in a small enclosure, with its yellow label. */
function emergencyStop(sink: PartSink, x: number, y: number): void {
  const node = NODES.emergencyStop;
  const cy = TOP + y;
  sink.add(node, 'paint-cabinet', box(0.085, 0.085, 0.06, [x, cy, FACE + 0.03]));
  sink.add(node, 'signal-yellow', cyl(0.038, 0.004, 'z', [x, cy, FACE + 0.062], { seg: 32 }));
  sink.add(node, 'rubber', cyl(0.02, 0.02, 'z', [x, cy, FACE + 0.072], { seg: 24 }));
  sink.add(node, 'signal-red', cyl(0.028, 0.008, 'z', [x, cy, FACE + 0.086], { seg: 32 }));
  sink.add(node, 'signal-red', domeToViewer(0.028, 0.018, [x, cy, FACE + 0.09]));
  sink.add(node, 'signal-yellow', box(0.11, 0.035, 0.003, [x, cy + 0.08, FACE + 0.0015]));
}

/** Thin light line printed on the board through `points` (x, height above TOP). */
function trace(sink: PartSink, points: readonly (readonly [number, number])[]): void {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    const len = Math.hypot(x1 - x0, y1 - y0) + 0.005;
    const angle = Math.atan2(y1 - y0, x1 - x0);
    sink.add(
      null,
      'dial',
      box(len, 0.006, 0.002, [(x0 + x1) / 2, TOP + (y0 + y1) / 2, FACE + 0.001], [0, 0, angle]),
    );
  }
}

/** Black cable from `points` (metres above TOP for Y) with rounded bends. */
function cable(sink: PartSink, points: readonly (readonly [number, number, number])[]): void {
  const path = pipePath(
    points.map(([x, y, z]) => V(x, TOP + y, z)),
    0.05,
  );
  sink.add(null, 'rubber', tube(path, 0.006, 80, 8));
}

/**
 * The backboard behind the testbed and what hangs on it: the control and monitoring controllers, the
 * embedded computer, the wireless access point, the frequency converter and the emergency stop, with
 * their cables.
 */
export function buildPanel(sink: PartSink): void {
  const h = BOARD.height;
  sink.add(
    null,
    'paint-cabinet',
    box(HALF_WIDTH * 2, h, BOARD.thick, [0, TOP + h / 2, FACE - BOARD.thick / 2]),
  );
  for (const sx of [-1, 1])
    sink.add(
      null,
      'paint-tank',
      box(0.04, h + 0.02, 0.05, [sx * (HALF_WIDTH + 0.02), TOP + h / 2, FACE - 0.02]),
    );
  sink.add(null, 'paint-tank', box(HALF_WIDTH * 2 + 0.08, 0.03, 0.05, [0, TOP + h + 0.015, FACE - 0.02]));
  field(sink, -0.67, 1.0, 0.66, 0.3);
  field(sink, 0.8, 1.0, 0.6, 0.3);
  field(sink, -0.84, 0.62, 0.32, 0.42);
  field(sink, 0.28, 1.38, 0.26, 0.32);
  field(sink, -0.52, 1.37, 0.36, 0.3);

  controller(sink, NODES.controlRack, -0.67, 1.0, 6);
  controller(sink, NODES.monitoringRack, 0.8, 1.0, 5);
  embeddedComputer(sink, 0.3, 1.38);
  frequencyConverter(sink, -0.84, 0.64);
  emergencyStop(sink, -1.1, 0.38);
  // Wireless access point: a white dome.
  sink.add(null, 'dial', domeToViewer(0.085, 0.02, [-0.52, TOP + 1.37, FACE]));

  // Printed traces joining the fields, as on the real board.
  trace(sink, [
    [-HALF_WIDTH, 1.2],
    [-1.06, 1.2],
    [-1.0, 1.14],
  ]);
  trace(sink, [
    [-0.52, 1.22],
    [-0.52, 1.15],
  ]);
  trace(sink, [
    [0.15, 1.3],
    [-0.05, 1.1],
    [-0.34, 1.1],
  ]);
  trace(sink, [
    [0.41, 1.46],
    [0.96, 1.46],
    [1.08, 1.34],
    [1.08, 1.15],
  ]);

  const f = FACE + 0.03;
  for (const x of [-0.86, -0.78])
    cable(sink, [
      [x, 0.92, f],
      [x, 0.78, f],
    ]);
  // Frequency converter to the motor's terminal box, and the emergency stop into the converter.
  cable(sink, [
    [-0.84, 0.51, f],
    [-0.84, 0.44, f],
    [-0.92, 0.44, -0.05],
    [-0.92, 0.33, -0.02],
  ]);
  cable(sink, [
    [-1.1, 0.34, f],
    [-1.1, 0.28, f],
    [-0.9, 0.28, f],
    [-0.9, 0.5, f],
  ]);
  // Monitoring rack down to the outlet line's instruments.
  cable(sink, [
    [1.02, 0.92, f],
    [1.02, 0.78, f],
    [0.72, 0.78, f],
    [0.72, 0.8, -0.06],
  ]);
}
