/**
 * Level of detail for the fleet's engines: those the camera sees small are drawn with a coarser mesh. Pure
 * functions over the layout's positions, so the split can be checked without a renderer.
 */

/** Camera distance beyond which an object `length` long spans fewer than `minPixels` of a `viewHeightPx` view. */
export function farDistance(length: number, fovDeg: number, viewHeightPx: number, minPixels: number): number {
  const halfFov = (fovDeg * Math.PI) / 360;
  return (length * viewHeightPx) / (2 * Math.tan(halfFov) * Math.max(1, minPixels));
}

/** Which engines are drawn near (full mesh) and which far (coarse mesh), as display indices in order. */
export interface DetailSplit {
  near: Int32Array;
  nearCount: number;
  far: Int32Array;
  farCount: number;
  /** 1 where the engine at that display index is near. */
  isNear: Uint8Array;
}

export function emptySplit(capacity: number): DetailSplit {
  return {
    near: new Int32Array(capacity),
    nearCount: 0,
    far: new Int32Array(capacity),
    farCount: 0,
    isNear: new Uint8Array(capacity),
  };
}

/**
 * Splits the first `count` engines (xyz per engine in `positions`) by their distance from `eye`. Writes into
 * `split` (sized for at least `count`) and returns whether any engine changed side since the split it held.
 */
export function splitByDistance(
  positions: ArrayLike<number>,
  count: number,
  eye: readonly [number, number, number],
  farFrom: number,
  split: DetailSplit,
): boolean {
  const limit = farFrom * farFrom;
  let changed = count !== split.nearCount + split.farCount;
  let nearCount = 0;
  let farCount = 0;
  for (let i = 0; i < count; i++) {
    const dx = positions[i * 3]! - eye[0];
    const dy = positions[i * 3 + 1]! - eye[1];
    const dz = positions[i * 3 + 2]! - eye[2];
    const near = dx * dx + dy * dy + dz * dz < limit ? 1 : 0;
    if (split.isNear[i] !== near) changed = true;
    split.isNear[i] = near;
    if (near) split.near[nearCount++] = i;
    else split.far[farCount++] = i;
  }
  split.nearCount = nearCount;
  split.farCount = farCount;
  return changed;
}
