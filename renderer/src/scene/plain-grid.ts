import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/** A grid's lines on the floor: `size` metres square, a line every `cell`, in `color`, `lift` metres up. */
export interface GridLines {
  cell: number;
  color: THREE.ColorRepresentation;
  lift: number;
}

/**
 * Several floor grids (cells and sections) as one set of coloured lines: one draw call instead of one per grid,
 * for the plain scene of a software renderer. Not pickable.
 */
export function plainGrid(size: number, grids: readonly GridLines[]): THREE.LineSegments {
  const geometries = grids.map((g) => {
    const helper = new THREE.GridHelper(size, Math.round(size / g.cell), g.color, g.color);
    helper.geometry.translate(0, g.lift, 0);
    (helper.material as THREE.Material).dispose();
    return helper.geometry;
  });
  const merged = mergeGeometries(geometries, false);
  for (const g of geometries) g.dispose();
  if (!merged) throw new Error('plainGrid: the grids could not be merged');
  const lines = new THREE.LineSegments(merged, new THREE.LineBasicMaterial({ vertexColors: true }));
  lines.name = 'floor-grid';
  lines.raycast = () => undefined;
  return lines;
}
