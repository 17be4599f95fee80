/**
 * Seeded PRNG (mulberry32). The whole state is one 32-bit integer so it fits in a JSON snapshot
 * and a forked simulator continues exactly where its parent was.
 */
export class Rng {
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal (Box-Muller, no cached spare so the state stays a single number). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** +1 or -1 with equal odds. */
  sign(): number {
    return this.next() < 0.5 ? -1 : 1;
  }
}
