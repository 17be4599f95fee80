export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

const realClock: Clock = { now: () => performance.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) };

/**
 * Rate-limits an async request: at most one in flight, starts at least `minIntervalMs` apart, and of the
 * calls made meanwhile only the latest is sent (a scrubbed playhead only needs its newest position).
 */
export function latestWins<A>(
  run: (arg: A) => Promise<void>,
  minIntervalMs: number,
  clock: Clock = realClock,
): (arg: A) => void {
  let inFlight = false;
  let timerSet = false;
  let lastStart = -Infinity;
  let pending: { arg: A } | null = null;

  const pump = () => {
    if (inFlight || timerSet || !pending) return;
    const wait = lastStart + minIntervalMs - clock.now();
    if (wait > 0) {
      timerSet = true;
      clock.setTimeout(() => {
        timerSet = false;
        pump();
      }, wait);
      return;
    }
    const { arg } = pending;
    pending = null;
    inFlight = true;
    lastStart = clock.now();
    run(arg)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        pump();
      });
  };

  return (arg: A) => {
    pending = { arg };
    pump();
  };
}
