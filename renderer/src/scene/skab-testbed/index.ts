import * as THREE from 'three';
import { PartSink } from '../model/part-sink';
import { buildRotorGroup, disposeMeshes } from '../model/procedural-parts';
import type { CameraHome, SceneModel } from '../model/scene-model';
import { buildBench, buildPumpBase } from './bench';
import { AXIS_Y, TOP } from './layout';
import { buildLoopInstruments } from './loop-instruments';
import {
  NODES as DRIVE,
  buildCouplingGuard,
  buildMotor,
  buildPumpBracket,
  buildPumpCasing,
  buildRotor,
} from './motor-pump';
import { SKAB_TESTBED_LABELS } from './labels';
import { buildPanel } from './panel';
import { buildInletLine, buildOutletLine } from './pipe-loop';
import { buildTank } from './tank';

/** Casings that turn see-through in x-ray mode, showing the shaft line and coupling inside. */
const XRAY_NODES = [DRIVE.motorBody, DRIVE.motorFanCover, DRIVE.bracket, DRIVE.casing];

/**
 * The whole board from a standing engineer's eye height, a little from the right so the drive train shows
 * its depth and clears the colour legend in the viewport's lower left.
 */
export const SKAB_HOME: CameraHome = {
  position: [0.55, TOP + 1.05, 3.45],
  target: [-0.25, TOP + 0.55, -0.1],
};

/** Builds the SKAB water-pump testbed ("procedural:skab-testbed"). Call once; it is static. */
export function buildSkabTestbed(): SceneModel {
  const sink = new PartSink();
  for (const n of XRAY_NODES) sink.xrayNodes.add(n);
  buildBench(sink);
  buildPumpBase(sink);
  buildMotor(sink);
  buildCouplingGuard(sink);
  buildPumpBracket(sink);
  buildPumpCasing(sink);
  buildInletLine(sink);
  buildOutletLine(sink);
  buildLoopInstruments(sink);
  buildTank(sink);
  buildPanel(sink);
  const parts = sink.build();
  parts.name = 'skab-testbed';

  const rotor = buildRotorGroup(buildRotor, [0, AXIS_Y, 0]);

  const root = new THREE.Group();
  root.add(parts, rotor);
  return {
    root,
    parts,
    rotor,
    // The tank is glass: its water is always in view, part of the tank, at the fixed working level.
    liquid: null,
    home: SKAB_HOME,
    labels: SKAB_TESTBED_LABELS,
    dispose: () => disposeMeshes(root),
  };
}
