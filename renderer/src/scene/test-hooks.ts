import * as THREE from 'three';
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { compareStore } from '../state/compare-store';
import type { SceneComponent } from './bind-components';
import type { MergedParts } from './merge/merged-parts';
import { componentIdAt } from './merge/part-batch';
import { compareReadout } from '../state/compare-readout';
import { displayValues } from '../state/display-values';

declare global {
  /** Hooks the end-to-end tests call on `window.__twinscape`; other modules may add fields by merging. */
  interface TwinscapeHooks {
    /** Frames the 3D canvases have drawn since the page loaded (render on demand: still while nothing changes). */
    framesDrawn?(): number;
    /** The values the scene shows, in asset tag order (live, replay or preview). */
    displayedValues?(): number[];
    /** Ids of the asset components that have at least one mesh in the scene. */
    sceneComponents?(): string[];
    /** Viewport CSS-pixel point on the component's visible surface (a click there hits it), or null. */
    componentScreenPoint?(id: string): { x: number; y: number } | null;
    /** Current linear RGB of the component's paint as drawn (its material's, or its merged vertices'). */
    componentColor?(id: string): [number, number, number];
    /** Current color score of the component (see ColorLegend). */
    componentScore?(id: string): number;
    /** Current linear RGB of the component's emissive glow as drawn (selection, hover, the health model's "why"). */
    componentEmissive?(id: string): [number, number, number];
    /** Components outlined as driving the selected part's health score ("why"). */
    whyOutlines?(): string[];
    /** The component's biggest change against "do nothing" as last colored ('Change vs do nothing'). */
    componentDelta?(id: string): { score: number; tagIndex: number; delta: number } | null;
    /** The split what-if view as last drawn: scores and paint colors per side (0 do nothing, 1 plan). */
    compareState?(): {
      active: boolean;
      frames: number;
      views: number;
      previewIndex: number | null;
      scores: Record<string, [number, number]>;
      colors: Record<string, number[]>;
    };
  }
  interface Window {
    __twinscape?: TwinscapeHooks;
  }
}

const SAMPLES = 64;
/** Neighbourhood, in CSS pixels, that must hit the same component as the returned point. */
const SLOP_PX = 3;

/** Installs the scene's test hooks on `window.__twinscape` for as long as the scene is mounted. */
export function useTestHooks(
  comps: SceneComponent[],
  pickRoot: THREE.Object3D,
  merged: MergedParts | null,
): void {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    const raycaster = new THREE.Raycaster();
    const ndc = new THREE.Vector2();
    const p = new THREE.Vector3();
    const find = (id: string) => comps.find((c) => c.id === id);
    const drawn = new THREE.Color();

    const hitsAt = (x: number, y: number, id: string): boolean => {
      ndc.set(x, y);
      raycaster.setFromCamera(ndc, camera);
      const hit = raycaster.intersectObject(pickRoot, true)[0];
      return hit !== undefined && componentIdAt(hit.object, hit.faceIndex) === id;
    };

    /**
     * Tries a point: on screen, not under a DOM overlay, and the first thing hit there and a few pixels
     * around it is this component (so rounding of the click position cannot miss a thin part).
     */
    const tryPoint = (world: THREE.Vector3, id: string): { x: number; y: number } | null => {
      p.copy(world).project(camera);
      if (p.z > 1 || Math.abs(p.x) > 0.98 || Math.abs(p.y) > 0.98) return null;
      const rect = gl.domElement.getBoundingClientRect();
      const dx = (2 * SLOP_PX) / Math.max(1, rect.width);
      const dy = (2 * SLOP_PX) / Math.max(1, rect.height);
      if (!hitsAt(p.x, p.y, id)) return null;
      if (
        !hitsAt(p.x + dx, p.y, id) ||
        !hitsAt(p.x - dx, p.y, id) ||
        !hitsAt(p.x, p.y + dy, id) ||
        !hitsAt(p.x, p.y - dy, id)
      )
        return null;
      const x = rect.left + ((p.x + 1) / 2) * rect.width;
      const y = rect.top + ((1 - p.y) / 2) * rect.height;
      const el = document.elementFromPoint(x, y);
      if (el && el !== gl.domElement) return null;
      return { x, y };
    };

    const hooks: TwinscapeHooks = {
      sceneComponents: () => comps.map((c) => c.id),
      displayedValues: () => Array.from(displayValues()),
      componentScreenPoint: (id) => {
        const c = find(id);
        if (!c) return null;
        camera.updateMatrixWorld();
        const direct = tryPoint(c.centre, id);
        if (direct) return direct;
        const world = new THREE.Vector3();
        for (const mesh of c.meshes) {
          const pos = mesh.geometry.getAttribute('position');
          const tris = Math.floor(pos.count / 3);
          for (let k = 0; k < SAMPLES && tris > 0; k++) {
            const t = Math.floor(((k + 0.5) * tris) / SAMPLES) * 3;
            world.set(
              (pos.getX(t) + pos.getX(t + 1) + pos.getX(t + 2)) / 3,
              (pos.getY(t) + pos.getY(t + 1) + pos.getY(t + 2)) / 3,
              (pos.getZ(t) + pos.getZ(t + 1) + pos.getZ(t + 2)) / 3,
            );
            world.applyMatrix4(mesh.matrixWorld);
            const at = tryPoint(world, id);
            if (at) return at;
          }
        }
        return null;
      },
      componentColor: (id) => {
        const m = find(id)?.paint[0];
        if (!m) return [Number.NaN, Number.NaN, Number.NaN];
        return (merged?.drawnColor(m, drawn) ? drawn : m.color).toArray() as [number, number, number];
      },
      componentScore: (id) => find(id)?.score ?? Number.NaN,
      componentEmissive: (id) => {
        const m = find(id)?.materials[0];
        if (!m) return [Number.NaN, Number.NaN, Number.NaN];
        return (merged?.drawnEmissive(m, drawn) ? drawn : m.emissive).toArray() as [number, number, number];
      },
      whyOutlines: () => {
        const ids: string[] = [];
        scene.traverse((o) => {
          if (o.visible && typeof o.userData.whyOutline === 'string') ids.push(o.userData.whyOutline);
        });
        return ids;
      },
      componentDelta: (id) => {
        const d = find(id)?.delta;
        return d ? { score: d.score, tagIndex: d.tagIndex, delta: d.delta } : null;
      },
      compareState: () => ({
        active: compareStore.getState().active,
        frames: compareReadout.frames,
        views: compareReadout.views,
        previewIndex: compareReadout.previewIndex,
        scores: Object.fromEntries(compareReadout.scores),
        colors: Object.fromEntries(Array.from(compareReadout.colors, ([id, c]) => [id, [...c]])),
      }),
    };
    Object.assign((window.__twinscape ??= {}), hooks);
    return () => {
      const w = window.__twinscape;
      if (!w) return;
      delete w.sceneComponents;
      delete w.displayedValues;
      delete w.componentScreenPoint;
      delete w.componentColor;
      delete w.componentScore;
      delete w.componentEmissive;
      delete w.whyOutlines;
      delete w.componentDelta;
      delete w.compareState;
    };
  }, [comps, pickRoot, merged, camera, gl, scene]);
}
