/** Clock in milliseconds; injectable so tests need not wait. */
export type Clock = () => number;

/**
 * A token bucket: holds up to `capacity` tokens, refilled at `refillPerSecond`; each `take()` spends one.
 * Allows bursts of `capacity` and a sustained rate of `refillPerSecond`.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: Clock = () => performance.now(),
  ) {
    if (!(capacity >= 1) || !(refillPerSecond > 0))
      throw new Error(
        `TokenBucket needs capacity >= 1 and refillPerSecond > 0, got ${capacity} and ${refillPerSecond}`,
      );
    this.tokens = capacity;
    this.lastRefillMs = now();
  }

  /** Spends one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.lastRefillMs) / 1000) * this.refillPerSecond,
    );
    this.lastRefillMs = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
