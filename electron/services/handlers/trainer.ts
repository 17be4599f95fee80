import type { BackendContext, PartialHandlers } from '../backend-context';

/** Handlers of the trainer methods of the TwinApi. */
export function createTrainerHandlers(_ctx: BackendContext): PartialHandlers {
  return {};
}
