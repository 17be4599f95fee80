import type { BackendContext, PartialHandlers } from '../backend-context';

/** Handlers of the whatif methods of the TwinApi. */
export function createWhatIfHandlers(_ctx: BackendContext): PartialHandlers {
  return {};
}
