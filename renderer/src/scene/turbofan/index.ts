import * as THREE from 'three';
import { PartSink } from '../model/part-sink';
import { disposeMeshes } from '../model/procedural-parts';
import { box, cyl, lathe } from '../model/primitives';
import type { SceneModel } from '../model/scene-model';
import {
  AXIS_Y,
  COMBUSTOR,
  CORE_COWL,
  FAN,
  HPC,
  HPT,
  INTAKE_X,
  LPC,
  LPT,
  NACELLE,
  NOZZLE,
  PLUG,
} from './layout';
import { bladeRow, fanBlades, shell } from './parts';

/** Casings that turn see-through in x-ray mode, showing the spools and stages inside. */
const XRAY_NODES = [
  'nacelle',
  'fan-case',
  'bypass-duct',
  'lpc-case',
  'hpc-case',
  'combustor-case',
  'hpt-case',
  'lpt-case',
  'nozzle-cone',
];

function casings(sink: PartSink): void {
  const n = NACELLE;
  shell(
    sink,
    'nacelle',
    'paint-tank',
    [
      [n.from, n.inner + 0.06],
      [n.from + 0.12, n.outer],
      [n.from + 1.2, n.outer + 0.03],
      [n.to - 0.3, n.outer - 0.04],
      [n.to, n.inner + 0.02],
    ],
    0.1,
  );
  sink.add(
    'fan-case',
    'paint-motor',
    cyl(FAN.tip + 0.03, 0.5, 'x', [FAN.x + 0.05, AXIS_Y, 0], { seg: 64, open: true }),
  );
  const c = CORE_COWL;
  shell(
    sink,
    'bypass-duct',
    'paint-tank',
    [
      [c.from, c.r0 - 0.06],
      [c.from + 0.25, c.r0],
      [c.to - 0.5, c.r0 - 0.02],
      [c.to, c.r1],
    ],
    0.03,
  );
  const cas = (node: string, x0: number, x1: number, r0: number, r1: number) =>
    sink.add(
      node,
      'paint-motor',
      cyl(r0, x1 - x0, 'x', [(x0 + x1) / 2, AXIS_Y, 0], { r2: r1, seg: 48, open: true }),
    );
  cas('lpc-case', LPC[0]!.x - 0.08, LPC.at(-1)!.x + 0.08, 0.5, 0.46);
  cas('hpc-case', HPC[0]!.x - 0.06, HPC.at(-1)!.x + 0.06, 0.41, 0.34);
  cas('combustor-case', COMBUSTOR.from, COMBUSTOR.to, 0.41, 0.41);
  cas('hpt-case', HPT[0]!.x - 0.05, HPT.at(-1)!.x + 0.05, 0.4, 0.41);
  cas('lpt-case', LPT[0]!.x - 0.05, LPT.at(-1)!.x + 0.05, 0.42, 0.5);
  shell(
    sink,
    'nozzle-cone',
    'paint-motor',
    [
      [NOZZLE.from, NOZZLE.r0],
      [NOZZLE.to, NOZZLE.r1],
    ],
    0.025,
  );
}

function core(sink: PartSink): void {
  sink.add(
    'fan-hub',
    'paint-pump',
    lathe(
      [
        [0, 0],
        [0.1, 0.08],
        [0.2, 0.26],
        [FAN.hub, 0.42],
      ],
      'x',
      [INTAKE_X + 0.2, AXIS_Y, 0],
      40,
    ),
  );
  fanBlades(sink, 'fan-blades', FAN.x, FAN.hub - 0.02, FAN.tip, FAN.blades);
  for (const r of LPC) bladeRow(sink, 'lpc-stages', r, 0.07);
  for (const r of HPC) bladeRow(sink, 'hpc-stages', r, 0.05, 0.6);
  sink.add(
    'combustor-liner',
    'paint-valve',
    lathe(
      [
        [COMBUSTOR.inner, 0],
        [COMBUSTOR.outer - 0.03, 0.06],
        [COMBUSTOR.outer, 0.3],
        [COMBUSTOR.inner + 0.05, COMBUSTOR.to - COMBUSTOR.from],
      ],
      'x',
      [COMBUSTOR.from, AXIS_Y, 0],
      48,
    ),
  );
  for (const r of HPT) bladeRow(sink, 'hpt-stages', r, 0.06, -0.7);
  for (const r of LPT) bladeRow(sink, 'lpt-stages', r, 0.07, -0.6);
  sink.add(
    'nozzle-plug',
    'paint-pump',
    lathe(
      [
        [PLUG.r, 0],
        [PLUG.r * 0.8, 0.5],
        [0, PLUG.to - PLUG.from],
      ],
      'x',
      [PLUG.from, AXIS_Y, 0],
      40,
    ),
  );
  // Spools: the thin LP shaft (fan, LPC, LPT) runs inside the HP shaft (HPC, HPT).
  sink.add(
    null,
    'steel',
    cyl(0.05, LPT.at(-1)!.x - FAN.x, 'x', [(LPT.at(-1)!.x + FAN.x) / 2, AXIS_Y, 0], { seg: 16 }),
  );
  sink.add(
    null,
    'dark-steel',
    cyl(0.1, HPT.at(-1)!.x - HPC[0]!.x, 'x', [(HPT.at(-1)!.x + HPC[0]!.x) / 2, AXIS_Y, 0], { seg: 24 }),
  );
}

function stand(sink: PartSink): void {
  for (const x of [-0.6, 1.3]) {
    sink.add(null, 'paint-frame', box(0.12, AXIS_Y - 0.45, 0.12, [x, (AXIS_Y - 0.45) / 2, -0.35]));
    sink.add(null, 'paint-frame', box(0.12, AXIS_Y - 0.45, 0.12, [x, (AXIS_Y - 0.45) / 2, 0.35]));
    sink.add(null, 'paint-frame', box(0.14, 0.1, 0.9, [x, AXIS_Y - 0.45, 0]));
  }
  sink.add(null, 'paint-frame', box(2.3, 0.1, 0.12, [0.35, 0.08, -0.35]));
  sink.add(null, 'paint-frame', box(2.3, 0.1, 0.12, [0.35, 0.08, 0.35]));
}

/** Builds the procedural two-spool turbofan ("procedural:turbofan"). Call once; it is static. */
export function buildTurbofan(): SceneModel {
  const sink = new PartSink();
  for (const n of XRAY_NODES) sink.xrayNodes.add(n);
  for (const n of ['nacelle', 'bypass-duct', 'nozzle-cone'])
    sink.tweak(n, 'paint-tank', { side: THREE.DoubleSide });
  for (const n of [
    'fan-case',
    'lpc-case',
    'hpc-case',
    'combustor-case',
    'hpt-case',
    'lpt-case',
    'nozzle-cone',
  ])
    sink.tweak(n, 'paint-motor', { side: THREE.DoubleSide });
  casings(sink);
  core(sink);
  stand(sink);
  const parts = sink.build();
  parts.name = 'turbofan';
  const root = new THREE.Group();
  root.add(parts);
  // Nothing spins from data (C-MAPSS gives one sample per flight), and there is no liquid.
  return {
    root,
    parts,
    rotor: null,
    liquid: null,
    dispose: () => disposeMeshes(root),
  };
}
