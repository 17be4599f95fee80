/**
 * Long computations written as generators that pause (`yield`) between small pieces of work, so that a caller
 * on an event loop (the inference worker) can let messages in — a Cancel — and stop between pieces, while a
 * script or the backend simply runs them through. The result is the generator's return value.
 */
export type Steps<T> = Generator<void, T, void>;

/** Rows (or lag products) worth of work between two pauses: well under a millisecond each. */
export const ROWS_PER_PAUSE = 256;

/** Runs the steps to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
