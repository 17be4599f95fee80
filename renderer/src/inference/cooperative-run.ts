/**
 * Runs core's pausing computations (core/ml/normal/steps.ts) on the worker's event loop: in slices of a few
 * tens of milliseconds, letting messages in between slices, so a Cancel stops the work within one slice.
 */
import type { Steps } from '../../../core/ml/normal/steps';

/** Longest run of work between two looks at the message queue. */
export const SLICE_MS = 20;

export const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The steps' result, or null when `stopped()` turned true at a slice boundary (the steps are abandoned). */
export async function runCooperatively<T>(steps: Steps<T>, stopped: () => boolean): Promise<T | null> {
  let sliceEnd = performance.now() + SLICE_MS;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() < sliceEnd) continue;
    await yieldToMessages();
    if (stopped()) {
      steps.return(undefined as never);
      return null;
    }
    sliceEnd = performance.now() + SLICE_MS;
  }
}
