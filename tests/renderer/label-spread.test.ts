import { describe, expect, it } from 'vitest';
import { spreadLabels, type LabelBox } from '../../renderer/src/scene/label-spread';

const rect = (b: LabelBox, y: number) => ({
  left: b.x - b.w / 2,
  right: b.x + b.w / 2,
  top: y - b.h,
  bottom: y,
});
function overlapping(boxes: LabelBox[], ys: number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = rect(boxes[i]!, ys[i]!);
      const b = rect(boxes[j]!, ys[j]!);
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs.push([i, j]);
    }
  return pairs;
}

describe('label spreading (issue #17, problem 10: labels overlap at 1280 × 720)', () => {
  it('moves overlapping labels apart vertically, the upper one up', () => {
    const boxes = [
      { x: 240, y: 240, w: 160, h: 48 }, // Induction motor
      { x: 300, y: 250, w: 130, h: 48 }, // Pump DE bearing, overlapping it
      { x: 700, y: 100, w: 120, h: 48 }, // far away: stays
    ];
    const ys = spreadLabels(boxes);
    expect(overlapping(boxes, ys)).toEqual([]);
    expect(ys[0]).toBeLessThan(240);
    expect(ys[1]).toBeGreaterThan(250);
    expect(ys[2]).toBe(100);
  });

  it('untangles a crowded row and keeps apart labels where they are', () => {
    const boxes = Array.from({ length: 6 }, (_, i) => ({
      x: 400 + i * 30,
      y: 300 + (i % 2) * 10,
      w: 150,
      h: 46,
    }));
    const ys = spreadLabels(boxes);
    expect(overlapping(boxes, ys)).toEqual([]);
    const apart = [
      { x: 100, y: 100, w: 100, h: 40 },
      { x: 300, y: 100, w: 100, h: 40 },
    ];
    expect(spreadLabels(apart)).toEqual([100, 100]);
  });
});
