/** Keyboard shortcuts of the main window, as a pure mapping from a key event to an action. */
import type { shell } from '../i18n/locales/en/shell';

export type ShortcutAction =
  | 'toggle-labels'
  | 'toggle-xray'
  | 'reset-camera'
  | 'run-pause'
  | 'clear-selection'
  | 'open-asset'
  | 'toggle-help'
  | 'toggle-connections'
  | TimelineAction;

/** Timeline keys: handled by the replay controller, not the App. */
export type TimelineAction =
  | 'timeline-play-pause'
  | 'timeline-step-back'
  | 'timeline-step-forward'
  | 'timeline-prev-event'
  | 'timeline-next-event'
  | 'timeline-start'
  | 'timeline-end'
  | 'timeline-whatif-here';

export const isTimelineAction = (a: ShortcutAction): a is TimelineAction => a.startsWith('timeline-');

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  /** Whether the timeline is replaying history (Space then plays/pauses the replay, not the simulator). */
  replaying?: boolean;
  /** Tag name of the event target, upper case as in the DOM ("INPUT"). */
  targetTag?: string;
  /** `type` of an input target. */
  targetType?: string;
  targetEditable?: boolean;
}

/** What a shortcut does, as its key in the shell namespace's `help` texts. */
export type ShortcutHelpKey = Exclude<keyof typeof shell.help, 'title'>;

/** Shortcut list shown in the help popover. */
export const shortcutHelp: ReadonlyArray<{ keys: string; action: ShortcutHelpKey }> = [
  { keys: 'L', action: 'labels' },
  { keys: 'X', action: 'xray' },
  { keys: 'R', action: 'resetCamera' },
  { keys: 'Space', action: 'runPause' },
  { keys: '← / →', action: 'step' },
  { keys: 'Shift + ← / →', action: 'jump' },
  { keys: 'Home / End', action: 'ends' },
  { keys: 'W', action: 'whatif' },
  { keys: 'C', action: 'connections' },
  { keys: 'Esc', action: 'clearSelection' },
  { keys: 'Ctrl/Cmd + O', action: 'openAsset' },
  { keys: '?', action: 'help' },
];

const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'checkbox', 'radio']);

/** Whether the key goes to a text field, select or editable element rather than the app. */
export function isTypingTarget(e: KeyLike): boolean {
  if (e.targetEditable) return true;
  const tag = e.targetTag ?? '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !BUTTON_TYPES.has((e.targetType ?? 'text').toLowerCase());
  return false;
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  const mod = Boolean(e.ctrlKey || e.metaKey);
  if (mod && !e.altKey && e.key.toLowerCase() === 'o') return 'open-asset';
  if (mod || e.altKey || isTypingTarget(e)) return null;
  if (e.key === 'Escape') return 'clear-selection';
  switch (e.key) {
    case 'l':
    case 'L':
      return 'toggle-labels';
    case 'x':
    case 'X':
      return 'toggle-xray';
    case 'r':
    case 'R':
      return 'reset-camera';
    case 'c':
    case 'C':
      return 'toggle-connections';
    case '?':
      return 'toggle-help';
    case ' ':
    case 'Spacebar':
      // Space on a focused button presses the button; do not also run/pause.
      if (e.targetTag === 'BUTTON' || (e.targetTag === 'INPUT' && e.targetType !== undefined)) return null;
      return e.replaying ? 'timeline-play-pause' : 'run-pause';
    case 'ArrowLeft':
      return e.shiftKey ? 'timeline-prev-event' : 'timeline-step-back';
    case 'ArrowRight':
      return e.shiftKey ? 'timeline-next-event' : 'timeline-step-forward';
    case 'Home':
      return 'timeline-start';
    case 'End':
      return 'timeline-end';
    case 'w':
    case 'W':
      return e.replaying ? 'timeline-whatif-here' : null;
    default:
      return null;
  }
}
