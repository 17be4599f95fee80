/** Small seeded PRNG (mulberry32) and helpers, so splits and shuffles are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(
  a: T,
  rand: () => number,
): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
  return a;
}

/** Splits unit numbers into train and validation sets by unit (no unit in both). */
export function splitUnits(
  unitIds: readonly number[],
  valFraction: number,
  seed: number,
): { train: number[]; val: number[] } {
  const ids = shuffleInPlace([...unitIds], mulberry32(seed));
  const nVal = Math.max(1, Math.round(ids.length * valFraction));
  const val = ids.slice(0, nVal).sort((a, b) => a - b);
  const train = ids.slice(nVal).sort((a, b) => a - b);
  return { train, val };
}
