import * as THREE from 'three';
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { SceneComponent } from '../../../scene/bind-components';
import { pickComponent } from './engine-paint';

declare global {
  interface TwinscapeHooks {
    /** Linear RGB of each component's paint in the opened engine's 3D view, by component id. */
    fleetEngineColors?(): Record<string, [number, number, number]>;
    /** Viewport CSS-pixel point on a component of the opened engine (hovering there hits it), or null. */
    fleetEngineComponentPoint?(id: string): { x: number; y: number } | null;
  }
}

/** Fractions of the component's box tried, along the axis, when its centre is hidden. */
const ALONG = [0.5, 0.3, 0.7, 0.15, 0.85];

/** Installs the engine view's test hooks while it is mounted. */
export function useEngineHooks(comps: SceneComponent[], pickRoot: THREE.Object3D, xray: boolean): void {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    const raycaster = new THREE.Raycaster();
    const p = new THREE.Vector3();
    const ndc = new THREE.Vector2();
    const point = (id: string) => {
      const c = comps.find((x) => x.id === id);
      if (!c) return null;
      camera.updateMatrixWorld();
      const rect = gl.domElement.getBoundingClientRect();
      for (const f of ALONG)
        for (const up of [0, 0.35, -0.35]) {
          const h = c.box.max.y - c.centre.y;
          p.set(c.box.min.x + (c.box.max.x - c.box.min.x) * f, c.centre.y + h * up, c.centre.z).project(
            camera,
          );
          if (p.z > 1 || Math.abs(p.x) > 0.98 || Math.abs(p.y) > 0.98) continue;
          ndc.set(p.x, p.y);
          raycaster.setFromCamera(ndc, camera);
          if (pickComponent(raycaster.intersectObject(pickRoot, true), xray) !== id) continue;
          const x = rect.left + ((p.x + 1) / 2) * rect.width;
          const y = rect.top + ((1 - p.y) / 2) * rect.height;
          const el = document.elementFromPoint(x, y);
          if (el && el !== gl.domElement) continue;
          return { x, y };
        }
      return null;
    };
    const hooks: TwinscapeHooks = {
      fleetEngineColors: () =>
        Object.fromEntries(
          comps.map((c) => {
            const m = c.paint[0];
            return [c.id, m ? [m.color.r, m.color.g, m.color.b] : [Number.NaN, Number.NaN, Number.NaN]];
          }),
        ),
      fleetEngineComponentPoint: point,
    };
    Object.assign((window.__twinscape ??= {}), hooks);
    return () => {
      const w = window.__twinscape;
      if (!w) return;
      delete w.fleetEngineColors;
      delete w.fleetEngineComponentPoint;
    };
  }, [comps, pickRoot, camera, gl, xray]);
}
