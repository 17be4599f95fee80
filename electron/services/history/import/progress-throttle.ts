export interface ThrottleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Throttled<P> {
  (p: P): void;
  /** Sends a held report now (e.g. before the final answer), and stops the timer. */
  flush(): void;
}

/**
 * Rate-limits progress reports: at most one per `minIntervalMs`, the newest one winning, and a held report is
 * sent when its interval ends. A report whose `key` (the phase) differs from the last one sent goes out at
 * once, so each phase change is seen however short the phase was.
 */
export function throttleProgress<P>(
  send: (p: P) => void,
  key: (p: P) => string,
  minIntervalMs = 100,
  clock: ThrottleClock = realClock,
): Throttled<P> {
  let lastSent = -Infinity;
  let lastKey: string | null = null;
  let held: P | null = null;
  let timer: unknown = null;

  const emit = (p: P) => {
    held = null;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    lastSent = clock.now();
    lastKey = key(p);
    send(p);
  };

  const throttled = ((p: P) => {
    const wait = lastSent + minIntervalMs - clock.now();
    if (wait <= 0 || key(p) !== lastKey) return emit(p);
    held = p;
    timer ??= clock.setTimeout(() => {
      timer = null;
      if (held !== null) emit(held);
    }, wait);
  }) as Throttled<P>;

  throttled.flush = () => {
    if (held !== null) emit(held);
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
