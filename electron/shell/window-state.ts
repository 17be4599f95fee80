import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Size and position of the main window, persisted between runs. */
export const windowStateSchema = z.object({
  schemaVersion: z.literal(1),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(16_384),
  height: z.number().int().min(300).max(16_384),
  maximized: z.boolean(),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = {
  schemaVersion: 1,
  width: 1400,
  height: 900,
  maximized: false,
};

/** How much of the title bar must lie on some display for a saved position to be kept. */
const MIN_VISIBLE = 64;

function isVisibleOn(state: WindowState, workAreas: readonly Rect[]): boolean {
  if (state.x === undefined || state.y === undefined) return false;
  const { x, y, width } = state;
  // The top strip (title bar) must be reachable, or the user cannot drag the window back.
  return workAreas.some(
    (a) =>
      x + width - MIN_VISIBLE >= a.x &&
      x + MIN_VISIBLE <= a.x + a.width &&
      y >= a.y &&
      y + MIN_VISIBLE <= a.y + a.height,
  );
}

/**
 * Turns whatever was on disk into a usable state: invalid data gives the defaults, a size larger
 * than the biggest display is shrunk, and a position off every display is dropped (the window is
 * then centred by Electron).
 */
export function sanitizeWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const parsed = windowStateSchema.safeParse(raw);
  const state: WindowState = parsed.success ? { ...parsed.data } : { ...DEFAULT_WINDOW_STATE };
  const largest = workAreas.reduce<Rect | undefined>(
    (best, a) => (!best || a.width * a.height > best.width * best.height ? a : best),
    undefined,
  );
  if (largest) {
    state.width = Math.min(state.width, Math.max(400, largest.width));
    state.height = Math.min(state.height, Math.max(300, largest.height));
  }
  if (!isVisibleOn(state, workAreas)) {
    delete state.x;
    delete state.y;
  }
  return state;
}

/** Reads the state file; a missing or corrupt file gives the defaults. */
export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    raw = undefined;
  }
  return sanitizeWindowState(raw, workAreas);
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(state, null, 2));
  } catch (e) {
    // Losing the window position is not worth interrupting the user for.
    console.warn(`Could not save window state to ${file}: ${(e as Error).message}`);
  }
}

/** Debounced saver: `schedule()` on move/resize, `flush()` on close. */
export function createStateSaver(
  file: string,
  read: () => WindowState | undefined,
  delayMs = 500,
): { schedule(): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const state = read();
    if (state) saveWindowState(file, state);
  };
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
