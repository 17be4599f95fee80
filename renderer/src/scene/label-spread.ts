/** A label on screen, in CSS pixels: its anchor (the middle of its bottom edge) and its size. */
export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Pixels kept between two labels. */
const GAP = 4;
const MAX_ROUNDS = 60;

const overlapX = (a: LabelBox, b: LabelBox) => Math.abs(a.x - b.x) < (a.w + b.w) / 2 + GAP;
/** How far the two boxes overlap vertically, gap included (≤ 0: apart). */
const overlapY = (a: LabelBox, b: LabelBox) => Math.min(a.y, b.y) - Math.max(a.y - a.h, b.y - b.h) + GAP;

/**
 * Moves labels apart vertically until no two overlap: each overlapping pair is pushed apart by half their
 * overlap each, the upper one up, until none overlaps (or after MAX_ROUNDS). Returns the new anchors' y, in the
 * boxes' order; labels that overlap nothing keep theirs. Vertical only, so a label stays above its part.
 */
export function spreadLabels(boxes: readonly LabelBox[]): number[] {
  const placed = boxes.map((b) => ({ ...b }));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        if (!overlapX(a, b)) continue;
        const dy = overlapY(a, b);
        if (dy <= 0) continue;
        const [upper, lower] = a.y < b.y || (a.y === b.y && i < j) ? [a, b] : [b, a];
        upper.y -= dy / 2;
        lower.y += dy / 2;
        moved = true;
      }
    if (!moved) break;
  }
  return placed.map((b) => b.y);
}
