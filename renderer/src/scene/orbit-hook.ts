import * as THREE from 'three';
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';

declare global {
  interface TwinscapeHooks {
    /** Turns the camera of the shown 3D view about its orbit target by `radians`, as a drag would (bench). */
    orbitBy?(radians: number): void;
  }
}

/** Installs `orbitBy` for this canvas while it is the one shown (`enabled`). */
export function useOrbitHook(enabled: boolean): void {
  const get = useThree((s) => s.get);
  useEffect(() => {
    if (!enabled) return;
    const offset = new THREE.Vector3();
    const spherical = new THREE.Spherical();
    const origin = new THREE.Vector3();
    const orbitBy = (radians: number) => {
      const { camera, controls, invalidate } = get();
      const target = (controls as { target?: THREE.Vector3 } | null)?.target ?? origin;
      spherical.setFromVector3(offset.copy(camera.position).sub(target));
      spherical.theta += radians;
      camera.position.copy(target).add(offset.setFromSpherical(spherical));
      camera.lookAt(target);
      invalidate();
    };
    (window.__twinscape ??= {}).orbitBy = orbitBy;
    return () => {
      if (window.__twinscape?.orbitBy === orbitBy) delete window.__twinscape.orbitBy;
    };
  }, [enabled, get]);
}
