import { useEffect, useRef } from 'react';
import { isTimelineAction, shortcutFor, type ShortcutAction, type TimelineAction } from './shortcuts';
import { replayController } from '../state/replay';
import { playbackStore } from '../state/playback-store';
import { forkFromPlayhead } from '../features/whatif/fork-from-playhead';

function runTimelineAction(action: TimelineAction): void {
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

/** Calls `onAction` for the window's keyboard shortcuts (timeline keys go to the replay controller); keys typed into fields are left alone. */
export function useKeyboardShortcuts(onAction: (action: ShortcutAction) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        shiftKey: e.shiftKey,
        replaying: playbackStore.getState().mode === 'replay',
        targetTag: target?.tagName ?? '',
        targetType: target instanceof HTMLInputElement ? target.type : '',
        targetEditable: target?.isContentEditable ?? false,
      });
      // Holding an arrow keeps stepping the playhead; other keys act once per press.
      if (!action || (e.repeat && action !== 'timeline-step-back' && action !== 'timeline-step-forward'))
        return;
      e.preventDefault();
      if (isTimelineAction(action)) runTimelineAction(action);
      else handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
