import type { TagDefinition } from '../../../../core/asset/schema';
import type { SampleFrame } from '../../../../core/data/frame';
import { Quality } from '../../../../core/data/quality';
import { Rng } from '../../../../core/random/rng';

/** Tags t0…t(n−1), unit-less, range ±1000. */
export function syntheticTags(count: number): TagDefinition[] {
  return Array.from({ length: count }, (_, j) => ({
    id: `t${j}`,
    instrument: `X${j}`,
    name: `tag ${j}`,
    unit: '1',
    range: [-1000, 1000] as [number, number],
    normal: [-1, 1] as [number, number],
    decimals: 2,
  }));
}

/**
 * Normal running: per tag an AR(1) process (coefficient `phi[j]`, default white) around 10·j with unit
 * innovations, seeded. Rows are arrays of one value per tag.
 */
export function normalRows(
  rows: number,
  tags: number,
  seed: number,
  phi: readonly number[] = [],
): number[][] {
  const rng = new Rng(seed);
  const state = new Array<number>(tags).fill(0);
  return Array.from({ length: rows }, () =>
    state.map((s, j) => {
      const a = phi[j] ?? 0;
      state[j] = a * s + Math.sqrt(1 - a * a) * rng.normal();
      return 10 * j + state[j]!;
    }),
  );
}

/** Rows as a frame of `tags`, one second apart, all good. */
export function frameOf(rows: readonly number[][], tags: readonly TagDefinition[]): SampleFrame {
  return {
    t: Float64Array.from(rows, (_, i) => i),
    tagIds: tags.map((t) => t.id),
    values: tags.map((_, j) => Float32Array.from(rows, (r) => r[j]!)),
    quality: tags.map(() => new Uint8Array(rows.length).fill(Quality.good)),
  };
}
