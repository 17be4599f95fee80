import * as THREE from 'three';
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { viewStore } from '../state/view-store';
import type { SceneComponent } from './bind-components';
import type { CameraHome } from './model/scene-model';

/** Home view: the whole skid, tank and drive from the front, slightly above eye level. */
export const HOME_POSITION: [number, number, number] = [0.9, 3.6, 8.6];
export const HOME_TARGET: [number, number, number] = [0.6, 1.5, -0.2];
/** Home view of a model that brings none of its own. */
export const DEFAULT_HOME: CameraHome = { position: HOME_POSITION, target: HOME_TARGET };
const DURATION_S = 0.5;

/** The part of drei's OrbitControls the rig drives. */
interface OrbitLike {
  target: THREE.Vector3;
  update(): void;
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/** Animates the camera to the model's home view or to frame a component, on viewStore tokens. */
export function CameraRig({ comps, home }: { comps: SceneComponent[]; home: CameraHome }) {
  const camera = useThree((s) => s.camera) as THREE.PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const invalidate = useThree((s) => s.invalidate);
  const anim = useRef({ active: false, t: 0 });
  const v = useMemo(
    () => ({
      fromPos: new THREE.Vector3(),
      toPos: new THREE.Vector3(),
      fromTarget: new THREE.Vector3(),
      toTarget: new THREE.Vector3(),
      dir: new THREE.Vector3(),
      sphere: new THREE.Sphere(),
    }),
    [],
  );

  useEffect(() => {
    if (!controls) return;
    const start = () => {
      v.fromPos.copy(camera.position);
      v.fromTarget.copy(controls.target);
      anim.current.active = true;
      anim.current.t = 0;
      invalidate();
    };
    const frame = (id: string) => {
      const c = comps.find((x) => x.id === id);
      if (!c) return;
      c.box.getBoundingSphere(v.sphere);
      const fov = THREE.MathUtils.degToRad(camera.fov);
      const dist = Math.max(1.2, (v.sphere.radius / Math.sin(fov / 2)) * 1.5);
      v.dir.copy(camera.position).sub(controls.target).normalize();
      v.toTarget.copy(v.sphere.center);
      v.toPos.copy(v.sphere.center).addScaledVector(v.dir, dist);
      start();
    };
    return viewStore.subscribe((s, prev) => {
      if (s.cameraResetToken !== prev.cameraResetToken) {
        v.toPos.set(...home.position);
        v.toTarget.set(...home.target);
        start();
      } else if (s.focus && s.focus !== prev.focus) frame(s.focus.componentId);
    });
  }, [camera, controls, comps, home, v, invalidate]);

  // Another model (another asset) comes with its own framing: jump there, a flight from the last one means nothing.
  useEffect(() => {
    if (!controls) return;
    anim.current.active = false;
    camera.position.set(...home.position);
    controls.target.set(...home.target);
    controls.update();
    invalidate();
  }, [camera, controls, home, invalidate]);

  useFrame((_, dt) => {
    if (!anim.current.active || !controls) return;
    anim.current.t = Math.min(1, anim.current.t + dt / DURATION_S);
    const k = ease(anim.current.t);
    camera.position.lerpVectors(v.fromPos, v.toPos, k);
    controls.target.lerpVectors(v.fromTarget, v.toTarget, k);
    controls.update();
    if (anim.current.t >= 1) anim.current.active = false;
    else invalidate(); // render on demand: the flight asks for its next frame
  });
  return null;
}
