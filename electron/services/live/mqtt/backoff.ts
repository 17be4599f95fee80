/**
 * Delays between reconnect tries: `initialMs`, doubling up to `maxMs`, less up to `jitter` of it at random so
 * that many clients of one restarted broker do not all come back in the same instant. reset() once connected.
 */
export class Backoff {
  private tries = 0;

  constructor(
    private readonly initialMs = 1000,
    private readonly maxMs = 30_000,
    private readonly jitter = 0.2,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next try (and counts the try). */
  next(): number {
    const full = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.tries, 30));
    this.tries += 1;
    return Math.round(full * (1 - this.jitter * this.random()));
  }

  reset(): void {
    this.tries = 0;
  }
}
