import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl, pipePath, sphere, torus, tube } from '../model/primitives';
import { flange } from '../model/flange';
import { gauge, transmitter } from '../model/instruments';
import { AXIS_Y, DISCHARGE, PUMP, SUCTION_R, TANK, VOLUTE } from './layout';

const V = (x: number, y: number, z: number) => new THREE.Vector3(x, y, z);

function pipeSupport(sink: PartSink, x: number, z: number, topY: number, pipeR: number): void {
  const h = topY - pipeR - 0.02;
  sink.add(null, 'paint-frame', box(0.1, h, 0.1, [x, h / 2, z]));
  sink.add(null, 'steel', box(0.24, 0.02, 0.24, [x, 0.01, z]));
  sink.add(null, 'paint-frame', box(0.14, 0.03, pipeR * 2.6, [x, h, z]));
  sink.add(null, 'steel', torus(pipeR + 0.008, 0.007, 'x', [x, topY, z], Math.PI));
}

export function buildSuction(sink: PartSink): void {
  const node = 'suction-pipe';
  const x0 = PUMP.suctionFlangeX + 0.03;
  const x1 = TANK.x - TANK.radius - 0.15;
  const bendX = 1.85;
  const path = pipePath(
    [V(x0 - 0.01, AXIS_Y, 0), V(bendX, AXIS_Y, 0), V(bendX, TANK.outletY, 0), V(x1, TANK.outletY, 0)],
    0.2,
  );
  sink.add(node, 'paint-pipe', tube(path, SUCTION_R, 140, 28));
  flange(sink, node, 'x', [x0, AXIS_Y, 0], SUCTION_R);
  flange(sink, node, 'x', [x1, TANK.outletY, 0], SUCTION_R);
  // Isolation valve (gate) with handwheel in the horizontal run.
  const vx = 1.42;
  flange(sink, node, 'x', [vx - 0.12, AXIS_Y, 0], SUCTION_R);
  flange(sink, node, 'x', [vx + 0.12, AXIS_Y, 0], SUCTION_R);
  sink.add(node, 'paint-valve', box(0.2, 0.28, 0.2, [vx, AXIS_Y + 0.03, 0]));
  sink.add(node, 'paint-valve', cyl(0.05, 0.25, 'y', [vx, AXIS_Y + 0.28, 0], { seg: 20 }));
  sink.add(node, 'steel', cyl(0.012, 0.2, 'y', [vx, AXIS_Y + 0.48, 0], { seg: 8 }));
  sink.add(node, 'dark-steel', torus(0.13, 0.012, 'y', [vx, AXIS_Y + 0.5, 0]));
  for (let i = 0; i < 3; i++) {
    const spoke = new THREE.BoxGeometry(0.26, 0.012, 0.012);
    spoke.rotateY((i * Math.PI) / 3);
    spoke.translate(vx, AXIS_Y + 0.5, 0);
    sink.add(node, 'dark-steel', spoke);
  }
  // Compound gauge on the suction line.
  gauge(sink, node, [1.65, AXIS_Y + SUCTION_R, 0]);
  pipeSupport(sink, bendX + 0.02, 0, AXIS_Y, SUCTION_R);
}

export function buildDischarge(sink: PartSink): void {
  const node = 'discharge-pipe';
  const r = DISCHARGE.radius;
  const x = PUMP.voluteX;
  const z0 = -VOLUTE.endCentre;
  const y0 = AXIS_Y + 0.54;
  const path = pipePath(
    [
      V(x, y0, z0),
      V(x, DISCHARGE.runY, z0),
      V(x, DISCHARGE.runY, DISCHARGE.riserZ),
      V(x, DISCHARGE.topY, DISCHARGE.riserZ),
    ],
    0.22,
  );
  sink.add(node, 'paint-pipe', tube(path, r, 160, 24));
  flange(sink, node, 'y', [x, y0, z0], r);
  flange(sink, node, 'y', [x, DISCHARGE.topY, DISCHARGE.riserZ], r);
  // Discharge pressure transmitter and gauge near the pump.
  transmitter(sink, node, [x + 0.16, 1.3, z0]);
  sink.add(node, 'steel', cyl(0.01, 0.1, 'x', [x + 0.09, 1.3, z0], { seg: 8 }));
  gauge(sink, node, [x, DISCHARGE.runY + r, -0.55]);
  // Magnetic flowmeter in the riser.
  const fy = 2.45;
  sink.add(node, 'paint-cabinet', cyl(0.13, 0.32, 'y', [x, fy, DISCHARGE.riserZ], { seg: 32 }));
  flange(sink, node, 'y', [x, fy - 0.17, DISCHARGE.riserZ], r);
  flange(sink, node, 'y', [x, fy + 0.17, DISCHARGE.riserZ], r);
  sink.add(node, 'paint-cabinet', cyl(0.03, 0.1, 'z', [x, fy, DISCHARGE.riserZ + 0.17], { seg: 12 }));
  sink.add(node, 'paint-cabinet', box(0.14, 0.14, 0.1, [x, fy, DISCHARGE.riserZ + 0.26]));
  sink.add(node, 'dark-steel', box(0.09, 0.06, 0.005, [x, fy + 0.01, DISCHARGE.riserZ + 0.312]));
  pipeSupport(sink, x, DISCHARGE.riserZ, DISCHARGE.runY - 0.0, r);
  pipeSupport(sink, x + 0.0, DISCHARGE.riserZ + 0.6, DISCHARGE.runY, r);
}

/** Globe control valve with yoke and spring-diaphragm actuator, in the horizontal discharge run. */
export function buildControlValve(sink: PartSink): void {
  const body = 'valve-body';
  const act = 'valve-actuator';
  const x = PUMP.voluteX;
  const y = DISCHARGE.runY;
  const z = DISCHARGE.valveZ;
  const r = DISCHARGE.radius;
  sink.add(body, 'paint-valve', sphere(0.14, [x, y, z], [1, 0.95, 1.25]));
  sink.add(body, 'paint-valve', cyl(r + 0.01, 0.44, 'z', [x, y, z], { seg: 28 }));
  flange(sink, body, 'z', [x, y, z - 0.22], r);
  flange(sink, body, 'z', [x, y, z + 0.22], r);
  sink.add(body, 'paint-valve', cyl(0.075, 0.14, 'y', [x, y + 0.18, z], { seg: 28 }));
  sink.add(body, 'steel', cyl(0.1, 0.03, 'y', [x, y + 0.26, z], { seg: 28 }));
  // Yoke, stem and travel indicator.
  const y1 = y + 0.28;
  const y2 = y + 0.62;
  for (const dx of [-0.07, 0.07])
    sink.add(act, 'paint-valve', box(0.025, y2 - y1, 0.05, [x + dx, (y1 + y2) / 2, z]));
  sink.add(act, 'paint-valve', cyl(0.1, 0.03, 'y', [x, y2, z], { seg: 28 }));
  sink.add(act, 'steel', cyl(0.012, y2 - y1, 'y', [x, (y1 + y2) / 2, z], { seg: 10 }));
  sink.add(act, 'steel', box(0.05, 0.015, 0.015, [x, y1 + 0.15, z + 0.02]));
  // Diaphragm casing: two dished halves bolted at the rim.
  const dy = y2 + 0.1;
  const dome = new THREE.SphereGeometry(0.24, 48, 12, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2);
  dome.scale(1, 0.35, 1);
  dome.translate(x, dy, z);
  sink.add(act, 'paint-valve', dome);
  sink.add(act, 'paint-valve', sphere(0.24, [x, dy, z], [1, 0.45, 1], Math.PI / 2));
  sink.add(act, 'paint-valve', cyl(0.255, 0.025, 'y', [x, dy, z], { seg: 48 }));
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * Math.PI * 2;
    sink.add(
      act,
      'dark-steel',
      cyl(0.009, 0.05, 'y', [x + Math.cos(a) * 0.24, dy, z + Math.sin(a) * 0.24], { seg: 6 }),
    );
  }
  sink.add(act, 'steel', cyl(0.015, 0.05, 'y', [x, dy + 0.12, z], { seg: 8 }));
  // Positioner on the yoke, facing the viewer.
  sink.add(act, 'paint-cabinet', box(0.13, 0.16, 0.09, [x + 0.16, y1 + 0.16, z]));
  sink.add(act, 'dark-steel', cyl(0.03, 0.01, 'z', [x + 0.16, y1 + 0.2, z + 0.05], { seg: 20 }));
  sink.add(act, 'steel', cyl(0.006, 0.35, 'y', [x + 0.2, dy - 0.1, z + 0.03], { seg: 6 }));
}
