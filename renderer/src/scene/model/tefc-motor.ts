import * as THREE from 'three';
import type { MatKey } from './materials';
import type { PartSink } from './part-sink';
import { box, cyl, lathe, torus } from './primitives';

/** Where a foot-mounted TEFC motor sits, its shaft along +X; detail sizes follow `radius`. */
export interface TefcMotorSpec {
  axisY: number;
  /** Top of the surface the feet stand on. */
  baseY: number;
  /** Fan cover end, fan cover to body joint and drive end of the body, along X. */
  fan0: number;
  body0: number;
  body1: number;
  radius: number;
  terminalX: number;
  feetX: readonly [number, number];
  /** Half the distance between the feet across the shaft. */
  feetZ: number;
  /** Absent on small frames, which are lifted by hand. */
  liftingEyeX?: number;
  nameplateX: number;
  paint: MatKey;
  nodes: { body: string; fanCover: string; terminalBox: string };
}

/** Detail sizes below are those of a 75 kW, IEC frame 280 motor; smaller frames scale them down. */
const REFERENCE_RADIUS = 0.235;

/** TEFC induction motor: ribbed body, fan cover with grille, terminal box, feet, lifting eye. */
export function buildTefcMotor(sink: PartSink, spec: TefcMotorSpec): void {
  const { axisY: y, baseY, radius: r, paint } = spec;
  const { body, fanCover: fan, terminalBox: tbox } = spec.nodes;
  const k = r / REFERENCE_RADIUS;
  const len = spec.body1 - spec.body0;
  const cx = (spec.body0 + spec.body1) / 2;
  sink.add(body, paint, cyl(r, len, 'x', [cx, y, 0], { seg: 48 }));
  // Cooling fins, skipping the feet and terminal box sectors.
  const fins = 36;
  for (let i = 0; i < fins; i++) {
    const a = (i / fins) * Math.PI * 2;
    const deg = ((a * 180) / Math.PI) % 360;
    if (deg > 240 && deg < 300) continue; // under the body, where the feet are
    const fin = new THREE.BoxGeometry(len - 0.04 * k, 0.045 * k, 0.008 * k);
    fin.translate(0, r + 0.02 * k, 0);
    fin.rotateX(a);
    fin.translate(cx, y, 0);
    sink.add(body, paint, fin);
  }
  // End shields.
  const shield: [number, number][] = [
    [0.05 * k, 0],
    [r * 0.92, 0],
    [r + 0.01 * k, 0.03 * k],
    [r + 0.01 * k, 0.06 * k],
    [0.0, 0.06 * k],
  ];
  sink.add(body, paint, lathe(shield, 'x', [spec.body1 - 0.01 * k, y, 0], 48));
  sink.add(body, paint, cyl(r + 0.012 * k, 0.05 * k, 'x', [spec.body0 + 0.02 * k, y, 0], { seg: 48 }));
  sink.add(body, 'steel', cyl(0.06 * k, 0.04 * k, 'x', [spec.body1 + 0.06 * k, y, 0]));
  // Feet.
  const footTop = y - 0.12 * k;
  for (const x of spec.feetX) {
    for (const z of [-spec.feetZ, spec.feetZ]) {
      sink.add(body, paint, box(0.12 * k, y - baseY - 0.12 * k, 0.1 * k, [x, (footTop + baseY) / 2, z]));
      sink.add(body, paint, box(0.14 * k, 0.025 * k, 0.13 * k, [x, baseY + 0.0125 * k, z]));
      sink.add(body, 'dark-steel', cyl(0.016 * k, 0.035 * k, 'y', [x, baseY + 0.03 * k, z], { seg: 6 }));
    }
  }
  // Lifting eye and nameplate.
  const eye = spec.liftingEyeX;
  if (eye !== undefined) {
    sink.add(body, 'steel', torus(0.04 * k, 0.01 * k, 'x', [eye, y + r + 0.09 * k, 0]));
    sink.add(body, paint, box(0.05 * k, 0.05 * k, 0.03 * k, [eye, y + r + 0.03 * k, 0]));
  }
  sink.add(body, 'steel', box(0.16 * k, 0.09 * k, 0.004 * k, [spec.nameplateX, y + 0.02 * k, r + 0.045 * k]));

  // Fan cover: cylinder, rounded end and a concentric grille with a dark inside.
  const fr = r + 0.035 * k;
  const fl = spec.body0 - spec.fan0;
  const f0 = spec.fan0;
  sink.add(fan, paint, cyl(fr, fl, 'x', [f0 + fl / 2, y, 0], { seg: 48, open: true }));
  sink.add(fan, paint, torus(fr - 0.012 * k, 0.012 * k, 'x', [f0, y, 0]));
  for (let ring = 1; ring <= 6; ring++)
    sink.add(fan, paint, torus((fr * ring) / 7, 0.0055 * k, 'x', [f0 - 0.005 * k, y, 0]));
  for (let i = 0; i < 4; i++) {
    const spoke = new THREE.BoxGeometry(0.01 * k, fr * 2 - 0.02 * k, 0.012 * k);
    spoke.rotateX((i * Math.PI) / 4);
    spoke.translate(f0 - 0.006 * k, y, 0);
    sink.add(fan, paint, spoke);
  }
  sink.add(fan, 'rubber', cyl(fr - 0.015 * k, 0.005 * k, 'x', [f0 + 0.04 * k, y, 0], { seg: 48 }));

  // Terminal box on top, with a lid and cable glands.
  const tx = spec.terminalX;
  const ty = y + r + 0.11 * k;
  sink.add(tbox, paint, box(0.3 * k, 0.2 * k, 0.3 * k, [tx, ty, 0]));
  sink.add(tbox, paint, box(0.32 * k, 0.025 * k, 0.32 * k, [tx, ty + 0.11 * k, 0]));
  sink.add(tbox, paint, box(0.22 * k, 0.06 * k, 0.22 * k, [tx, ty - 0.12 * k, 0]));
  sink.add(tbox, 'dark-steel', cyl(0.025 * k, 0.05 * k, 'z', [tx, ty - 0.03 * k, 0.17 * k]));
  sink.add(tbox, 'dark-steel', cyl(0.02 * k, 0.04 * k, 'x', [tx - 0.17 * k, ty - 0.03 * k, 0.06 * k]));
}
