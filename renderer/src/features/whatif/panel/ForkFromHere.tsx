import { useStore } from 'zustand';
import { playbackStore } from '../../../state/playback-store';
import { forkFromPlayhead } from '../fork-from-playhead';

/** "What-if from here": forks at the replay playhead; only while replaying history. */
export function ForkFromHere({ testId = 'whatif-fork-here' }: { testId?: string }) {
  const replaying = useStore(playbackStore, (s) => s.mode === 'replay');
  return (
    <button
      type="button"
      data-testid={testId}
      disabled={!replaying}
      title={
        replaying
          ? 'Fork a what-if from the simulator state at the playhead (W)'
          : 'Scrub the timeline back into history to fork from a past moment'
      }
      onClick={() => void forkFromPlayhead()}
    >
      What-if from here
    </button>
  );
}
