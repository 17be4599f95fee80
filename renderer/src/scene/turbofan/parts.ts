import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl, lathe } from '../model/primitives';
import type { MatKey } from '../model/materials';
import { AXIS_Y, type StageRow } from './layout';

/** Thin-walled surface of revolution between two radii profiles (x, r), closed at both ends. */
export function shell(
  sink: PartSink,
  node: string | null,
  mat: MatKey,
  outer: [number, number][],
  thickness: number,
): void {
  // Lathe profiles are (radius, height): height runs along the engine axis from x = 0.
  const out = outer.map(([x, r]) => [r, x] as [number, number]);
  const inn = [...outer].reverse().map(([x, r]) => [r - thickness, x] as [number, number]);
  sink.add(node, mat, lathe([...out, ...inn, out[0]!], 'x', [0, AXIS_Y, 0], 64));
}

/** One blade row: a hub disc and `blades` twisted aerofoil plates between hub and tip. */
export function bladeRow(sink: PartSink, node: string, row: StageRow, chord: number, twist = 0.5): void {
  sink.add(node, 'dark-steel', cyl(row.hub, chord * 0.9, 'x', [row.x, AXIS_Y, 0], { seg: 40 }));
  const span = row.tip - row.hub;
  const m = new THREE.Matrix4();
  const rot = new THREE.Matrix4();
  for (let i = 0; i < row.blades; i++) {
    const a = (i / row.blades) * Math.PI * 2;
    const g = box(chord, span, 0.012, [0, row.hub + span / 2, 0]);
    // Stagger the plate about its radial axis, then spin it to its place round the disc.
    g.applyMatrix4(rot.makeRotationY(twist));
    g.applyMatrix4(m.makeRotationX(a));
    g.translate(row.x, AXIS_Y, 0);
    sink.add(node, 'paint-pump', g);
  }
}

/** Fan blades: wide-chord, strongly twisted, swept; the first thing seen in the intake. */
export function fanBlades(
  sink: PartSink,
  node: string,
  x: number,
  hub: number,
  tip: number,
  blades: number,
): void {
  const span = tip - hub;
  const m = new THREE.Matrix4();
  for (let i = 0; i < blades; i++) {
    const a = (i / blades) * Math.PI * 2;
    const g = new THREE.BoxGeometry(0.2, span, 0.014, 1, 6, 1);
    const pos = g.getAttribute('position');
    // Twist grows towards the tip, and the tip chord leans back (sweep).
    for (let k = 0; k < pos.count; k++) {
      const y = pos.getY(k) / span + 0.5;
      const tw = 0.35 + y * 0.55;
      const px = pos.getX(k);
      const pz = pos.getZ(k);
      pos.setXYZ(
        k,
        px * Math.cos(tw) - pz * Math.sin(tw) + y * 0.08,
        pos.getY(k) + hub + span / 2,
        px * Math.sin(tw) + pz * Math.cos(tw),
      );
    }
    g.computeVertexNormals();
    g.applyMatrix4(m.makeRotationX(a));
    g.translate(x, AXIS_Y, 0);
    sink.add(node, 'paint-pump', g);
  }
}
