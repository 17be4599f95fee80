import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './shortcuts';
import { playbackStore } from '../state/playback-store';

/** Calls `onAction` for the window's keyboard shortcuts (timeline keys included); keys typed into fields are left alone. */
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
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
