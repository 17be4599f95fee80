import { getTwinClient } from '../api/client';
import { createReplayController, type ReplayController } from './replay-controller';

let instance: ReplayController | null = null;

/** The app's one replay controller (timeline buttons, keyboard shortcuts). */
export function replayController(): ReplayController {
  instance ??= createReplayController(getTwinClient());
  return instance;
}
