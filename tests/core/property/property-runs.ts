// How hard the property tests push. CI runs FAST_CHECK_RUNS (default 200) per property and the whole
// property suite stays under ~20 s; the nightly-size run is
//   FAST_CHECK_RUNS=10000 npx vitest run tests/core/property tests/electron/property
// Each property also stops after a time budget that grows with the run count, so a slow machine
// shortens a run instead of failing it; a single call that takes over SLOW_CALL_MS fails it (a hang).
import { expect } from 'vitest';

const fromEnv = Number(process.env.FAST_CHECK_RUNS ?? '');

/** Runs per property. */
export const NUM_RUNS = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 200;

/** Wall-clock budget for one property, after which fast-check stops early (and passes what ran). */
const TIME_LIMIT_MS = Math.max(3_000, NUM_RUNS * 15);

/** Vitest timeout for one property test: its budget plus shrinking time. */
export const PROPERTY_TEST_TIMEOUT_MS = TIME_LIMIT_MS * 3;

export const propertyOptions = { numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS } as const;

/** One parser call over this is a hang (catastrophic regex, runaway loop), not a slow machine. */
const SLOW_CALL_MS = 2_000;

/** Calls `parse`, failing when it takes longer than SLOW_CALL_MS; an exception propagates to fast-check. */
export function timed<T>(what: string, parse: () => T): T {
  const start = performance.now();
  const result = parse();
  const ms = performance.now() - start;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(SLOW_CALL_MS);
  return result;
}
