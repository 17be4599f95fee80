import * as THREE from 'three';
import { PartSink } from '../model/part-sink';
import { buildRotorGroup, disposeMeshes } from '../model/procedural-parts';
import type { SceneModel } from '../model/scene-model';
import { buildFrame } from './frame';
import { makeMaterial, perforationTexture } from '../model/materials';
import { buildMotor } from './motor';
import { buildControlValve, buildDischarge, buildSuction } from './piping';
import { buildPump, buildRotor } from './pump';
import { buildTank, liquidGeometry } from './tank';
import { buildCouplingGuard, buildVfd } from './vfd';
import { AXIS_Y, TANK } from './layout';

/** The skid always has its shaft line and tank liquid. */
export interface PumpSkidModel extends SceneModel {
  rotor: THREE.Object3D;
  liquid: THREE.Mesh;
}

/** Nodes whose materials turn see-through in x-ray mode. */
const XRAY_NODES = [
  'motor-body',
  'motor-fan-cover',
  'motor-terminal-box',
  'coupling-guard',
  'bearing-de-housing',
  'bearing-nde-housing',
  'seal-chamber',
  'pump-volute',
  'pump-suction-nozzle',
  'pump-discharge-nozzle',
  'tank-shell',
];

const noRaycast = () => undefined;

/** Builds the procedural 75 kW pump skid ("procedural:pump-skid"). Call once; it is static. */
export function buildPumpSkid(): PumpSkidModel {
  const sink = new PartSink();
  for (const n of XRAY_NODES) sink.xrayNodes.add(n);
  const perforation = perforationTexture();
  sink.tweak('coupling-guard', 'paint-pump', {
    alphaMap: perforation,
    alphaTest: 0.5,
    side: THREE.DoubleSide,
  });
  buildFrame(sink);
  buildMotor(sink);
  buildCouplingGuard(sink);
  buildPump(sink);
  buildSuction(sink);
  buildDischarge(sink);
  buildControlValve(sink);
  buildTank(sink);
  buildVfd(sink);
  const parts = sink.build();
  parts.name = 'pump-skid';

  const rotor = buildRotorGroup(buildRotor, [0, AXIS_Y, 0]);

  const liquid = new THREE.Mesh(liquidGeometry(), makeMaterial('liquid'));
  liquid.name = 'tank-liquid';
  liquid.raycast = noRaycast;
  liquid.position.y = TANK.bottom;
  liquid.scale.y = 0.001;
  liquid.renderOrder = -1;

  const root = new THREE.Group();
  root.add(parts, rotor, liquid);
  return {
    root,
    parts,
    rotor,
    liquid,
    dispose() {
      perforation.dispose();
      disposeMeshes(root);
    },
  };
}
