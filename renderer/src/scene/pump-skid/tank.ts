import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl, sphere, torus } from '../model/primitives';
import { flange } from '../model/flange';
import { TANK, SUCTION_R } from './layout';

const NODE = 'tank-shell';

/** Vertical suction tank: shell, 2:1 dished heads, legs, nozzles, manway, level gauge, ladder and railing. */
export function buildTank(sink: PartSink): void {
  const { x, z, radius: r, bottom, top } = TANK;
  const h = top - bottom;
  sink.add(NODE, 'paint-tank', cyl(r, h, 'y', [x, bottom + h / 2, z], { seg: 64, open: true }));
  sink.add(NODE, 'paint-tank', sphere(r, [x, top, z], [1, 0.5, 1], Math.PI / 2));
  const bottomHead = new THREE.SphereGeometry(r, 64, 16, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2);
  bottomHead.scale(1, 0.5, 1);
  bottomHead.translate(x, bottom, z);
  sink.add(NODE, 'paint-tank', bottomHead);
  // Circumferential weld seams.
  for (let y = bottom; y <= top + 0.01; y += 1.5)
    sink.add(NODE, 'paint-tank', torus(r + 0.002, 0.006, 'y', [x, y, z]));

  // Legs on base plates.
  for (let i = 0; i < 4; i++) {
    const a = Math.PI / 4 + (i * Math.PI) / 2;
    const lx = x + Math.cos(a) * (r - 0.08);
    const lz = z + Math.sin(a) * (r - 0.08);
    sink.add(NODE, 'paint-tank', cyl(0.06, bottom + 0.25, 'y', [lx, (bottom + 0.25) / 2, lz], { seg: 16 }));
    sink.add(NODE, 'steel', box(0.22, 0.02, 0.22, [lx, 0.01, lz]));
  }

  // Outlet nozzle toward the pump (flange faces -X).
  const outX = x - r;
  sink.add(
    NODE,
    'paint-tank',
    cyl(SUCTION_R + 0.005, 0.14, 'x', [outX - 0.05, TANK.outletY, z], { seg: 32 }),
  );
  flange(sink, NODE, 'x', [outX - 0.12, TANK.outletY, z], SUCTION_R);
  // Inlet nozzle and vent on the top head.
  sink.add(NODE, 'paint-tank', cyl(0.07, 0.35, 'y', [x - 0.35, top + 0.35, z], { seg: 24 }));
  flange(sink, NODE, 'y', [x - 0.35, top + 0.53, z], 0.07);
  sink.add(NODE, 'paint-tank', cyl(0.04, 0.3, 'y', [x + 0.3, top + 0.35, z - 0.2], { seg: 16 }));
  sink.add(NODE, 'paint-tank', sphere(0.06, [x + 0.3, top + 0.5, z - 0.2], [1, 0.6, 1], Math.PI / 2));
  // Radar level transmitter on top.
  sink.add(NODE, 'steel', cyl(0.06, 0.12, 'y', [x + 0.2, top + 0.42, z + 0.25], { seg: 20 }));
  sink.add(NODE, 'paint-cabinet', cyl(0.07, 0.1, 'y', [x + 0.2, top + 0.53, z + 0.25], { seg: 20 }));
  // Manway on the front of the shell.
  sink.add(NODE, 'paint-tank', cyl(0.3, 0.22, 'z', [x, 1.7, z + r + 0.06], { seg: 40 }));
  sink.add(NODE, 'steel', cyl(0.36, 0.05, 'z', [x, 1.7, z + r + 0.19], { seg: 40 }));
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * Math.PI * 2;
    sink.add(
      NODE,
      'dark-steel',
      cyl(0.014, 0.08, 'z', [x + Math.cos(a) * 0.33, 1.7 + Math.sin(a) * 0.33, z + r + 0.2], { seg: 6 }),
    );
  }

  // Level gauge: sight glass between two stand-off nozzles, on the pump side.
  const ga = Math.PI * 0.8;
  const gx = x + Math.cos(ga) * (r + 0.16);
  const gz = z + Math.sin(ga) * (r + 0.16);
  for (const y of [1.1, 4.9]) {
    sink.add(
      NODE,
      'steel',
      cyl(0.02, 0.18, 'x', [x + Math.cos(ga) * (r + 0.08), y, z + Math.sin(ga) * (r + 0.08)], { seg: 12 }),
    );
  }
  sink.add(NODE, 'steel', cyl(0.03, 3.9, 'y', [gx, 3.0, gz], { seg: 16, open: true }));
  sink.add(NODE, 'glass', cyl(0.022, 3.7, 'y', [gx, 3.0, gz + 0.015], { seg: 12 }));

  // Ladder with cage hoops and a top railing.
  const la = Math.PI * 0.3;
  const lr = r + 0.22;
  const lx = x + Math.cos(la) * lr;
  const lz = z + Math.sin(la) * lr;
  const tx = -Math.sin(la);
  const tz = Math.cos(la);
  for (const s of [-0.22, 0.22])
    sink.add(
      NODE,
      'steel',
      cyl(0.02, top + 1.0, 'y', [lx + tx * s, (top + 1.0) / 2, lz + tz * s], { seg: 8 }),
    );
  const rung = new THREE.CylinderGeometry(0.012, 0.012, 0.44, 6);
  for (let y = 0.3; y < top + 0.8; y += 0.3) {
    const g = rung.clone();
    g.rotateZ(Math.PI / 2);
    g.rotateY(-la + Math.PI / 2);
    g.translate(lx, y, lz);
    sink.add(NODE, 'steel', g);
  }
  const railY = top + 0.3 + 0.9;
  sink.add(NODE, 'steel', torus(r * 0.75, 0.02, 'y', [x, railY, z]));
  sink.add(NODE, 'steel', torus(r * 0.75, 0.015, 'y', [x, railY - 0.45, z]));
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * Math.PI * 2;
    sink.add(
      NODE,
      'steel',
      cyl(0.018, 0.9, 'y', [x + Math.cos(a) * r * 0.75, railY - 0.45, z + Math.sin(a) * r * 0.75], {
        seg: 8,
      }),
    );
  }
  sink.add(NODE, 'paint-tank', cyl(r * 0.8, 0.03, 'y', [x, top + 0.3, z], { seg: 48 }));
}

/** Liquid column inside the tank: unit height, scaled on Y by the level each frame. */
export function liquidGeometry(): THREE.BufferGeometry {
  const g = new THREE.CylinderGeometry(TANK.radius - 0.02, TANK.radius - 0.02, 1, 48);
  g.translate(TANK.x, 0.5, TANK.z);
  return g;
}
