import * as THREE from 'three';
import { PartSink } from './part-sink';
import type { Vec3 } from './primitives';

const noRaycast = () => undefined;

/** Frees the geometry and material of every mesh under `root` (procedural models own both). */
export function disposeMeshes(root: THREE.Object3D): void {
  root.traverse((o) => {
    if (o instanceof THREE.Mesh) {
      o.geometry.dispose();
      (o.material as THREE.Material).dispose();
    }
  });
}

/**
 * The shaft line, built by `build` in its own frame (shaft along X through the origin) and placed at
 * `at`; named "rotor" and left out of picking, so a click goes to the casing around it.
 */
export function buildRotorGroup(build: (sink: PartSink) => void, at: Vec3): THREE.Group {
  const sink = new PartSink();
  build(sink);
  const rotor = sink.build();
  rotor.name = 'rotor';
  rotor.position.set(...at);
  rotor.traverse((o) => {
    o.raycast = noRaycast;
  });
  return rotor;
}
