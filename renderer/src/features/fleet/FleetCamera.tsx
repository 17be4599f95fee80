import * as THREE from 'three';
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { HangarLayout } from '../../../../core/fleet/layout';
import { ENGINE_AXIS_Y } from './engine-geometry';
import { fleetCameraFlight } from './camera-flight';

/** Seconds a camera flight takes. */
const FLIGHT_S = 0.7;
/** Where the camera sits relative to an engine it flies to: front-left, slightly above. */
const ENGINE_VIEW = new THREE.Vector3(-7, 4.5, 9.5);

/** Home view framing the whole hangar grid. */
export function homeView(layout: HangarLayout): { position: THREE.Vector3; target: THREE.Vector3 } {
  const span = Math.max(layout.width, layout.depth * 1.4, 12);
  return {
    position: new THREE.Vector3(0, span * 0.62, layout.depth / 2 + span * 0.72),
    target: new THREE.Vector3(0, 0, layout.depth * 0.05),
  };
}

/**
 * Flies the camera home when the layout changes and to the selected engine when `flyToken` bumps;
 * orbiting stays free in between.
 */
export function FleetCamera({
  layout,
  focus,
  flyToken,
}: {
  layout: HangarLayout;
  focus: number | null;
  flyToken: number;
}) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;
  const flight = useRef<{
    fromP: THREE.Vector3;
    fromT: THREE.Vector3;
    toP: THREE.Vector3;
    toT: THREE.Vector3;
    t: number;
  } | null>(null);

  const flyTo = (toP: THREE.Vector3, toT: THREE.Vector3) => {
    flight.current = {
      fromP: camera.position.clone(),
      fromT: controls ? controls.target.clone() : new THREE.Vector3(),
      toP,
      toT,
      t: 0,
    };
    fleetCameraFlight.active = true;
    invalidate();
  };

  useEffect(
    () => () => {
      fleetCameraFlight.active = false;
    },
    [],
  );

  useEffect(() => {
    const home = homeView(layout);
    if (!controls) {
      camera.position.copy(home.position);
      camera.lookAt(home.target);
      invalidate();
      return;
    }
    flyTo(home.position, home.target);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout, controls]);

  useEffect(() => {
    if (focus === null || focus < 0 || flyToken === 0) return;
    const target = new THREE.Vector3(
      layout.positions[focus * 3]!,
      ENGINE_AXIS_Y,
      layout.positions[focus * 3 + 2]!,
    );
    flyTo(target.clone().add(ENGINE_VIEW), target);
    // Only a new token starts a flight; the index may move as the fleet re-sorts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flyToken]);

  useFrame((_, dt) => {
    const f = flight.current;
    if (!f || !controls) return;
    f.t = Math.min(1, f.t + dt / FLIGHT_S);
    const k = f.t * f.t * (3 - 2 * f.t);
    camera.position.lerpVectors(f.fromP, f.toP, k);
    controls.target.lerpVectors(f.fromT, f.toT, k);
    controls.update();
    if (f.t >= 1) {
      flight.current = null;
      fleetCameraFlight.active = false;
    } else invalidate(); // render on demand: the flight asks for its next frame
  });
  return null;
}
