import * as THREE from 'three';
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';

export const ENGINE_FOV = 34;
/** Middle of the procedural engine: axis along x from −1.75 m (intake) to 2.85 m (plug). */
export const ENGINE_TARGET: [number, number, number] = [0.55, 1.3, 0];
/** Half the engine's extent seen from the view direction, metres (nacelle ⌀ 2.1 m plus the stand). */
const HALF_HEIGHT = 1.75;
const HALF_WIDTH = 2.5;
/** Three-quarter view from the intake side, slightly above. */
const DIRECTION = new THREE.Vector3(-0.5, 0.38, 0.78).normalize();

/** Camera distance that fits the engine in a viewport of the given aspect (width / height). */
export function fitDistance(aspect: number, fovDeg = ENGINE_FOV): number {
  const t = Math.tan((fovDeg * Math.PI) / 360);
  return 1.1 * Math.max(HALF_HEIGHT / t, HALF_WIDTH / (t * Math.max(0.2, aspect)));
}

/** Frames the whole engine whenever the view is opened or resized (orbiting stays free in between). */
export function EngineCamera() {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as OrbitControlsImpl | null;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const target = new THREE.Vector3(...ENGINE_TARGET);
    camera.position
      .copy(target)
      .addScaledVector(DIRECTION, fitDistance(size.width / Math.max(1, size.height)));
    if (controls) {
      controls.target.copy(target);
      controls.update();
    } else camera.lookAt(target);
    invalidate();
  }, [camera, controls, size.width, size.height, invalidate]);
  return null;
}
