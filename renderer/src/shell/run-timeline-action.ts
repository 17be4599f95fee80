import { forkFromPlayhead } from '../features/whatif/fork-from-playhead';
import type { TimelineAction } from '../hooks/shortcuts';
import { replayController } from '../state/replay';

/** Runs a timeline key on the replay controller ("W": a what-if from the playhead). */
export function runTimelineAction(action: TimelineAction): void {
  const replay = replayController();
  switch (action) {
    case 'timeline-play-pause':
      return replay.togglePlay();
    case 'timeline-step-back':
      return replay.step(-1);
    case 'timeline-step-forward':
      return replay.step(1);
    case 'timeline-prev-event':
      return void replay.jumpToEvent(-1);
    case 'timeline-next-event':
      return void replay.jumpToEvent(1);
    case 'timeline-start':
      return replay.toStart();
    case 'timeline-end':
      return replay.toEnd();
    case 'timeline-whatif-here':
      return void forkFromPlayhead();
  }
}
