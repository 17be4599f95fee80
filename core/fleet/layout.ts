/** Where each engine stands on the hangar floor: rows of engines in display order. */

export interface HangarLayoutOptions {
  /** Spacing along an engine's axis (x), metres. */
  pitchX?: number;
  /** Spacing between rows (z), metres. */
  pitchZ?: number;
  /** Width-to-depth ratio the grid aims for (wide screens want wide grids). */
  aspect?: number;
}

export interface HangarLayout {
  columns: number;
  rows: number;
  /** x, y, z of engine i at [3i, 3i + 2], floor at y = 0, grid centred on the origin. */
  positions: Float32Array;
  /** Floor extent the grid covers, metres. */
  width: number;
  depth: number;
}

/**
 * Lays `count` engines out row by row from the front: the first engine stands at the front-left, nearest the
 * camera (which looks from +z), and each later row stands further back. So the engines that come first in
 * display order (the worst of a RUL sort) are the ones seen largest.
 */
export function hangarLayout(count: number, opts: HangarLayoutOptions = {}): HangarLayout {
  const pitchX = opts.pitchX ?? 4;
  const pitchZ = opts.pitchZ ?? 3;
  const aspect = opts.aspect ?? 1.6;
  const columns = Math.max(1, Math.min(count, Math.ceil(Math.sqrt((count * aspect * pitchZ) / pitchX))));
  const rows = Math.max(1, Math.ceil(count / columns));
  const positions = new Float32Array(count * 3);
  const x0 = -((columns - 1) * pitchX) / 2;
  const zFront = ((rows - 1) * pitchZ) / 2;
  for (let i = 0; i < count; i++) {
    positions[i * 3] = x0 + (i % columns) * pitchX;
    positions[i * 3 + 1] = 0;
    positions[i * 3 + 2] = zFront - Math.floor(i / columns) * pitchZ;
  }
  return { columns, rows, positions, width: columns * pitchX, depth: rows * pitchZ };
}
