import type { ReactNode } from 'react';
import './icons.css';

/**
 * Transport and record icons drawn as inline SVG, so they ship with the app: media-control characters
 * (⏭ ⇥ ❚❚ ⟲ …) are missing from many system fonts and show as empty boxes. 16×16 grid, current text color.
 */
export type IconName =
  | 'play'
  | 'pause'
  | 'step-back'
  | 'step-forward'
  | 'to-start'
  | 'to-end'
  | 'restart'
  | 'record'
  | 'stop'
  | 'zoom-in'
  | 'zoom-out';

const SHAPES: Record<IconName, ReactNode> = {
  play: <path d="M4 2.5v11l9-5.5z" />,
  pause: <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" />,
  'step-back': <path d="M12 2.5v11L4 8z" />,
  'step-forward': <path d="M3 2.5v11L10.5 8zM11 2.5h2.5v11H11z" />,
  'to-start': <path d="M2.5 2.5H5v11H2.5zM14 2.5v11L5.5 8z" />,
  'to-end': <path d="M2 2.5v11L10.5 8zM11 2.5h2.5v11H11z" />,
  restart: (
    <path
      d="M8 2.5a5.5 5.5 0 1 1-5.2 3.7"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
    />
  ),
  record: <circle cx="8" cy="8" r="5" />,
  stop: <path d="M3.5 3.5h9v9h-9z" />,
  'zoom-in': <path d="M7 3h2v4h4v2H9v4H7V9H3V7h4z" />,
  'zoom-out': <path d="M3 7h10v2H3z" />,
};

/** The restart arrow's head, drawn filled over its stroked arc. */
const RESTART_HEAD = <path d="M1.5 3.5l1.6 4.4 4.1-2.2z" />;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false">
      {SHAPES[name]}
      {name === 'restart' && RESTART_HEAD}
    </svg>
  );
}
