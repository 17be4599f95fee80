import type { BackendContext, PartialHandlers } from '../backend-context';

/** Handlers of the fleet methods of the TwinApi. */
export function createFleetHandlers(_ctx: BackendContext): PartialHandlers {
  return {};
}
