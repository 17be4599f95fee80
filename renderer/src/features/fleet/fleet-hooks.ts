import * as THREE from 'three';
import { useEffect, type RefObject } from 'react';
import { useThree } from '@react-three/fiber';
import type { HangarLayout } from '../../../../core/fleet/layout';
import type { FleetEngine } from '../../../../core/fleet/sort-filter';
import { ENGINE_AXIS_Y } from './engine-geometry';
import { predictFleet } from './fleet-predict';
import { replicateFleet } from './fleet-session';
import { fleetCameraFlight } from './camera-flight';
import type { FleetMeshes } from './fleet-meshes';

declare global {
  interface TwinscapeHooks {
    /** Engines of the fleet view in displayed order. */
    fleetUnits?(): { unit: number; rul: number | null; rulStd: number | null }[];
    /** Viewport CSS-pixel point on the engine (a click there opens it), or null when off screen or the camera is flying. */
    fleetUnitScreenPoint?(unit: number): { x: number; y: number } | null;
    /** Runs one fleet-wide prediction tick; resolves with the predict time in ms (NaN without a model). */
    fleetPredictTick?(): Promise<number>;
    /** Benchmark aid: shows `count` copies of the imported engines. */
    fleetReplicate?(count: number): void;
  }
}

/** Offsets along the engine axis tried when the centre is hidden behind a neighbour. */
const ALONG = [0, -0.8, 0.8, -1.2, 1.2];

/** Installs the fleet view's test hooks on `window.__twinscape` while the fleet scene is mounted. */
export function useFleetHooks(
  engines: FleetEngine[],
  layout: HangarLayout,
  meshRef: RefObject<FleetMeshes | null>,
): void {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    const raycaster = new THREE.Raycaster();
    const world = new THREE.Vector3();
    const ndc = new THREE.Vector2();
    const screenPoint = (unit: number) => {
      const i = engines.findIndex((e) => e.unit === unit);
      const meshes = meshRef.current;
      if (i < 0 || !meshes || fleetCameraFlight.active) return null;
      camera.updateMatrixWorld();
      const rect = gl.domElement.getBoundingClientRect();
      for (const dx of ALONG) {
        world.set(layout.positions[i * 3]! + dx, ENGINE_AXIS_Y, layout.positions[i * 3 + 2]!).project(camera);
        if (world.z > 1 || Math.abs(world.x) > 0.98 || Math.abs(world.y) > 0.98) continue;
        ndc.set(world.x, world.y);
        raycaster.setFromCamera(ndc, camera);
        const hit = raycaster.intersectObjects([meshes.near, meshes.far], false)[0];
        if (!hit || meshes.engineIndex(hit.object, hit.instanceId) !== i) continue;
        const x = rect.left + ((world.x + 1) / 2) * rect.width;
        const y = rect.top + ((1 - world.y) / 2) * rect.height;
        const el = document.elementFromPoint(x, y);
        if (el && el !== gl.domElement) continue;
        return { x, y };
      }
      return null;
    };
    const hooks: TwinscapeHooks = {
      fleetUnits: () => engines.map((e) => ({ unit: e.unit, rul: e.rul, rulStd: e.rulStd })),
      fleetUnitScreenPoint: screenPoint,
      fleetPredictTick: () => predictFleet(),
      fleetReplicate: (count) => replicateFleet(count),
    };
    Object.assign((window.__twinscape ??= {}), hooks);
    return () => {
      const w = window.__twinscape;
      if (!w) return;
      delete w.fleetUnits;
      delete w.fleetUnitScreenPoint;
      delete w.fleetPredictTick;
      delete w.fleetReplicate;
    };
  }, [engines, layout, meshRef, camera, gl]);
}
