import { tagSchema, type TagDefinition } from '../../../core/asset/schema';
import { createFrame, type SampleFrame } from '../../../core/data/frame';
import { Quality } from '../../../core/data/quality';

export function tag(
  id: string,
  range: [number, number],
  unit = 'bar',
  normal?: [number, number],
): TagDefinition {
  return tagSchema.parse({
    id,
    instrument: id.toUpperCase(),
    name: id,
    unit,
    range,
    normal: normal ?? range,
  });
}

/** A frame with t = 0..n−1, all good, from columns of numbers. */
export function frameOf(columns: Record<string, readonly number[]>): SampleFrame {
  const ids = Object.keys(columns);
  const n = columns[ids[0]!]!.length;
  const f = createFrame(ids, n);
  for (let r = 0; r < n; r++) f.t[r] = r;
  ids.forEach((id, i) => {
    f.values[i]!.set(columns[id]!);
    f.quality[i]!.fill(Quality.good);
  });
  return f;
}

/** Deterministic pseudo-random noise in [-1, 1). */
export function noise(n: number, seed = 1): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  });
}
