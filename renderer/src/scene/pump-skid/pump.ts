import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl, lathe, pipePath, torus, tube } from '../model/primitives';
import { flange } from '../model/flange';
import { sensorHead } from '../model/instruments';
import { AXIS_Y, PUMP, SUCTION_R, VOLUTE } from './layout';

/** Spiral casing: a swept circle whose radius and distance from the shaft grow toward the discharge. */
function voluteGeometry(xc: number): THREE.BufferGeometry {
  const nS = 72;
  const nP = 20;
  const pos: number[] = [];
  const uv: number[] = [];
  for (let i = 0; i <= nS; i++) {
    const s = i / nS;
    const a = Math.PI + Math.PI * 2 * 0.9 * (1 - s);
    const r = 0.045 + (VOLUTE.endRadius - 0.045) * s;
    const R = 0.17 + 0.6 * r;
    const ry = Math.sin(a);
    const rz = Math.cos(a);
    for (let j = 0; j <= nP; j++) {
      const p = (j / nP) * Math.PI * 2;
      const d = R + r * Math.cos(p);
      pos.push(xc + r * 0.9 * Math.sin(p), AXIS_Y + ry * d, rz * d);
      uv.push(s, j / nP);
    }
  }
  const idx: number[] = [];
  for (let i = 0; i < nS; i++) {
    for (let j = 0; j < nP; j++) {
      const a = i * (nP + 1) + j;
      const b = a + nP + 1;
      idx.push(a, b, a + 1, b, b + 1, a + 1);
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  g.setAttribute('uv', new THREE.Float32BufferAttribute(uv, 2));
  g.setIndex(idx);
  g.computeVertexNormals();
  return g;
}

function bearingHousing(
  sink: PartSink,
  node: string,
  x0: number,
  x1: number,
  r: number,
  footX: number | null,
): void {
  const len = x1 - x0;
  const cx = (x0 + x1) / 2;
  sink.add(node, 'paint-pump', cyl(r, len, 'x', [cx, AXIS_Y, 0], { seg: 40 }));
  // Stiffening rings and the split line.
  for (const f of [0.12, 0.5, 0.88])
    sink.add(node, 'paint-pump', cyl(r + 0.012, 0.018, 'x', [x0 + len * f, AXIS_Y, 0], { seg: 40 }));
  // Oil sump below and a sight glass on the viewer's side.
  sink.add(node, 'paint-pump', box(len * 0.8, 0.08, r * 1.4, [cx, AXIS_Y - r + 0.01, 0]));
  sink.add(node, 'glass', cyl(0.022, 0.012, 'z', [cx, AXIS_Y - r * 0.55, r * 0.72 + 0.006]));
  sink.add(node, 'steel', torus(0.024, 0.005, 'z', [cx, AXIS_Y - r * 0.55, r * 0.72 + 0.008]));
  // Bearing temperature RTD on top, vibration sensor on the side.
  sensorHead(sink, node, cx - len * 0.18, AXIS_Y + r - 0.005, 0);
  sink.add(node, 'steel', cyl(0.016, 0.05, 'z', [cx + len * 0.15, AXIS_Y + 0.02, r + 0.02], { seg: 12 }));
  sink.add(node, 'rubber', cyl(0.006, 0.05, 'z', [cx + len * 0.15, AXIS_Y + 0.02, r + 0.065], { seg: 8 }));
  if (footX !== null) {
    const h = AXIS_Y - r - 0.3;
    sink.add(node, 'paint-pump', box(0.14, h, 0.1, [footX, 0.3 + h / 2, 0]));
    sink.add(node, 'paint-pump', box(0.16, 0.02, 0.5, [footX, 0.31, 0]));
  }
}

/** Overhung end-suction pump: bearing frame (DE, NDE), mechanical seal chamber and volute casing. */
export function buildPump(sink: PartSink): void {
  bearingHousing(sink, 'bearing-de-housing', PUMP.bearing0, PUMP.bearingSplit, 0.12, 0.03);
  bearingHousing(sink, 'bearing-nde-housing', PUMP.bearingSplit, PUMP.bearing1, 0.125, null);
  sink.add('bearing-de-housing', 'steel', cyl(0.07, 0.02, 'x', [PUMP.bearing0 - 0.005, AXIS_Y, 0]));

  // Mechanical seal chamber with gland plate and a seal flush line from the casing (API plan 11).
  const seal = 'seal-chamber';
  const sl = PUMP.seal1 - PUMP.bearing1;
  sink.add(seal, 'paint-pump', cyl(0.095, sl, 'x', [PUMP.bearing1 + sl / 2, AXIS_Y, 0], { seg: 36 }));
  sink.add(seal, 'steel', box(0.02, 0.22, 0.22, [PUMP.bearing1 + 0.015, AXIS_Y, 0]));
  for (const [dy, dz] of [
    [0.085, 0.085],
    [-0.085, 0.085],
    [0.085, -0.085],
    [-0.085, -0.085],
  ] as const) {
    sink.add(seal, 'dark-steel', cyl(0.012, 0.035, 'x', [PUMP.bearing1 + 0.03, AXIS_Y + dy, dz], { seg: 6 }));
  }
  const flush = pipePath(
    [
      new THREE.Vector3(PUMP.voluteX - 0.02, AXIS_Y + 0.27, 0.06),
      new THREE.Vector3(PUMP.bearing1 + 0.07, AXIS_Y + 0.27, 0.06),
      new THREE.Vector3(PUMP.bearing1 + 0.07, AXIS_Y + 0.09, 0.06),
    ],
    0.04,
  );
  sink.add(seal, 'steel', tube(flush, 0.009, 40, 8));
  sensorHead(sink, seal, PUMP.bearing1 + 0.1, AXIS_Y + 0.09, -0.03, 0.06);

  // Volute casing, back cover and feet.
  const vol = 'pump-volute';
  const xc = PUMP.voluteX;
  sink.add(vol, 'paint-pump', voluteGeometry(xc));
  sink.add(
    vol,
    'paint-pump',
    lathe(
      [
        [0.04, 0],
        [0.19, 0.0],
        [0.2, 0.03],
        [0.2, 0.14],
        [0.17, 0.17],
        [0.11, 0.19],
      ],
      'x',
      [xc - 0.08, AXIS_Y, 0],
      48,
    ),
  );
  sink.add(vol, 'paint-pump', cyl(0.215, 0.02, 'x', [xc - 0.075, AXIS_Y, 0], { seg: 48 }));
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    sink.add(
      vol,
      'dark-steel',
      cyl(0.011, 0.04, 'x', [xc - 0.085, AXIS_Y + Math.sin(a) * 0.2, Math.cos(a) * 0.2], { seg: 6 }),
    );
  }
  for (const z of [-0.2, 0.2]) {
    const h = AXIS_Y - 0.3 - 0.17;
    sink.add(vol, 'paint-pump', box(0.16, h, 0.07, [xc, 0.3 + h / 2 + 0.02, z * 0.75]));
    sink.add(vol, 'paint-pump', box(0.22, 0.025, 0.12, [xc, 0.3 + 0.0125 + 0.02, z]));
  }
  // Casing drain plug.
  sink.add(vol, 'dark-steel', cyl(0.018, 0.03, 'y', [xc, AXIS_Y - 0.34, 0.05], { seg: 6 }));

  // Suction nozzle on the shaft axis, with its flange.
  const suc = 'pump-suction-nozzle';
  sink.add(
    suc,
    'paint-pump',
    cyl(0.13, 0.1, 'x', [xc + 0.12, AXIS_Y, 0], { r2: SUCTION_R + 0.005, seg: 40 }),
  );
  const nl = PUMP.suctionFlangeX - (xc + 0.17);
  sink.add(suc, 'paint-pump', cyl(SUCTION_R + 0.005, nl, 'x', [xc + 0.17 + nl / 2, AXIS_Y, 0], { seg: 40 }));
  flange(sink, suc, 'x', [PUMP.suctionFlangeX, AXIS_Y, 0], SUCTION_R);
  // Suction pressure tapping.
  sink.add(suc, 'steel', cyl(0.01, 0.08, 'y', [xc + 0.28, AXIS_Y + SUCTION_R + 0.03, 0], { seg: 8 }));

  // Discharge nozzle rising tangentially from the volute, with its flange.
  const dis = 'pump-discharge-nozzle';
  const dz = -VOLUTE.endCentre;
  sink.add(dis, 'paint-pump', cyl(0.085, 0.5, 'y', [xc, AXIS_Y + 0.25, dz], { r2: 0.072, seg: 40 }));
  flange(sink, dis, 'y', [xc, AXIS_Y + 0.51, dz], 0.072);
}

/** Rotating parts on the shaft line, in the rotor's local frame (shaft along X through the origin). */
export function buildRotor(sink: PartSink): void {
  const n = null;
  sink.add(n, 'steel', cyl(0.03, 2.3, 'x', [-0.43, 0, 0], { seg: 20 }));
  // Coupling: two hubs, elastomer element, spacer; bolt heads make rotation visible.
  sink.add(n, 'dark-steel', cyl(0.075, 0.1, 'x', [-0.45, 0, 0], { seg: 32 }));
  sink.add(n, 'rubber', cyl(0.085, 0.025, 'x', [-0.39, 0, 0], { seg: 32 }));
  sink.add(n, 'steel', cyl(0.045, 0.12, 'x', [-0.32, 0, 0], { seg: 24 }));
  sink.add(n, 'dark-steel', cyl(0.075, 0.1, 'x', [-0.21, 0, 0], { seg: 32 }));
  for (let i = 0; i < 6; i++) {
    const a = (i / 6) * Math.PI * 2;
    sink.add(n, 'steel', cyl(0.01, 0.13, 'x', [-0.39, Math.sin(a) * 0.06, Math.cos(a) * 0.06], { seg: 6 }));
  }
  // Closed impeller: back shroud, front shroud with eye, swept vanes.
  const xc = PUMP.voluteX;
  sink.add(n, 'steel', cyl(0.155, 0.012, 'x', [xc - 0.035, 0, 0], { seg: 40 }));
  sink.add(
    n,
    'steel',
    lathe(
      [
        [0.155, 0],
        [0.07, 0.025],
        [0.065, 0.05],
      ],
      'x',
      [xc + 0.025, 0, 0],
      40,
    ),
  );
  for (let i = 0; i < 6; i++) {
    const vane = new THREE.BoxGeometry(0.05, 0.11, 0.01);
    vane.rotateX(0.55);
    vane.translate(xc - 0.005, 0.095, 0);
    vane.rotateX((i / 6) * Math.PI * 2);
    sink.add(n, 'dark-steel', vane);
  }
  sink.add(n, 'dark-steel', cyl(0.045, 0.06, 'x', [xc + 0.02, 0, 0], { r2: 0.02, seg: 20 }));
  // Motor cooling fan inside the fan cover.
  for (let i = 0; i < 8; i++) {
    const blade = new THREE.BoxGeometry(0.05, 0.2, 0.01);
    blade.translate(-1.54, 0.13, 0);
    blade.rotateX((i / 8) * Math.PI * 2);
    sink.add(n, 'dark-steel', blade);
  }
  sink.add(n, 'dark-steel', cyl(0.06, 0.06, 'x', [-1.54, 0, 0], { seg: 20 }));
}
