/** Throws unless both arrays have the same length. */
export function assertSameLength(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  if (a.length !== b.length) throw new Error(`${what}: ${a.length} predictions but ${b.length} true values`);
}
