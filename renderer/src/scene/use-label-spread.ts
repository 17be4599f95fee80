import * as THREE from 'three';
import { useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { spreadLabels } from './label-spread';

interface Anchored {
  c: { id: string };
  anchor: THREE.Vector3;
}

type CalculatePosition = (
  o: THREE.Object3D,
  camera: THREE.Camera,
  size: { width: number; height: number },
) => number[];

const scratch = new THREE.Vector3();

/** Screen position of an object's origin, as drei's Html places it. */
function project(o: THREE.Object3D, camera: THREE.Camera, size: { width: number; height: number }): number[] {
  scratch.setFromMatrixPosition(o.matrixWorld).project(camera);
  return [((scratch.x + 1) * size.width) / 2, ((1 - scratch.y) * size.height) / 2];
}

/**
 * Keeps the labels from overlapping on screen, whatever the window size: before drei places them (frame
 * priority -1), each label's anchor is projected, the labels are moved apart vertically (label-spread.ts) and
 * each leader line is bent to the label's new foot. `positionOf(id)` is the Html's calculatePosition and
 * `measure(id)` the ref of its box.
 */
export function useLabelSpread(items: readonly Anchored[], leaders: THREE.LineSegments) {
  const state = useMemo(() => {
    const boxes = new Map<string, HTMLElement>();
    const placed = new Map<string, number[]>();
    return {
      boxes,
      placed,
      positionOf:
        (id: string): CalculatePosition =>
        (o, camera, size) =>
          placed.get(id) ?? project(o, camera, size),
      measure: (id: string) => (el: HTMLElement | null) => {
        if (el) boxes.set(id, el);
        else boxes.delete(id);
      },
    };
  }, []);

  useFrame(({ camera, size }) => {
    const depth: number[] = [];
    const boxes = items.map(({ c, anchor }) => {
      scratch.copy(anchor).project(camera);
      depth.push(scratch.z);
      const el = state.boxes.get(c.id);
      const x = ((scratch.x + 1) * size.width) / 2;
      return { x, y: ((1 - scratch.y) * size.height) / 2, w: el?.offsetWidth ?? 0, h: el?.offsetHeight ?? 0 };
    });
    const ys = spreadLabels(boxes);
    const ends = leaders.geometry.getAttribute('position') as THREE.BufferAttribute;
    items.forEach(({ c }, i) => {
      const box = boxes[i]!;
      const y = ys[i]!;
      state.placed.set(c.id, [box.x, y]);
      scratch.set((box.x / size.width) * 2 - 1, 1 - (y / size.height) * 2, depth[i]!).unproject(camera);
      ends.setXYZ(i * 2 + 1, scratch.x, scratch.y, scratch.z);
    });
    ends.needsUpdate = true;
    leaders.geometry.computeBoundingSphere();
  }, -1);

  return state;
}
