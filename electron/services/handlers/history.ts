import type { BackendContext, PartialHandlers } from '../backend-context';

/** Handlers of the history methods of the TwinApi. */
export function createHistoryHandlers(_ctx: BackendContext): PartialHandlers {
  return {};
}
