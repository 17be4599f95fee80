import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_WINDOW_STATE,
  createStateSaver,
  loadWindowState,
  sanitizeWindowState,
  type WindowState,
} from '../../electron/shell/window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const tmp = () => mkdtempSync(join(tmpdir(), 'twinscape-ws-'));

afterEach(() => {
  vi.useRealTimers();
});

describe('window state', () => {
  it('uses the defaults for a missing or corrupt file', () => {
    const dir = tmp();
    expect(loadWindowState(join(dir, 'missing.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect(loadWindowState(join(dir, 'bad.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ width: 'wide' }));
    expect(loadWindowState(join(dir, 'wrong.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a position that is on a display', () => {
    const saved: WindowState = {
      schemaVersion: 1,
      x: 200,
      y: 100,
      width: 1200,
      height: 800,
      maximized: true,
    };
    expect(sanitizeWindowState(saved, screen)).toEqual(saved);
  });

  it('drops a position off every display so the window is centred', () => {
    const saved = { schemaVersion: 1, x: 5000, y: 3000, width: 1200, height: 800, maximized: false };
    const state = sanitizeWindowState(saved, screen);
    expect(state.x).toBeUndefined();
    expect(state.y).toBeUndefined();
    expect(state.width).toBe(1200);
    // Title bar above the top of the screen: unreachable, so dropped too.
    expect(sanitizeWindowState({ ...saved, x: 100, y: -200 }, screen).y).toBeUndefined();
  });

  it('keeps a position on a second display', () => {
    const two = [...screen, { x: 1920, y: 0, width: 2560, height: 1440 }];
    expect(
      sanitizeWindowState(
        { schemaVersion: 1, x: 2500, y: 50, width: 1200, height: 800, maximized: false },
        two,
      ).x,
    ).toBe(2500);
  });

  it('shrinks a window larger than the biggest display', () => {
    const state = sanitizeWindowState(
      { schemaVersion: 1, width: 5000, height: 4000, maximized: false },
      screen,
    );
    expect(state).toMatchObject({ width: 1920, height: 1080 });
  });

  it('saves once after a burst of moves (debounced) and at once on flush', () => {
    vi.useFakeTimers();
    const file = join(tmp(), 'sub', 'window-state.json');
    let state: WindowState = { schemaVersion: 1, x: 10, y: 20, width: 900, height: 700, maximized: false };
    const saver = createStateSaver(file, () => state, 500);
    saver.schedule();
    state = { ...state, x: 30 };
    saver.schedule();
    expect(() => readFileSync(file, 'utf8')).toThrow();
    vi.advanceTimersByTime(500);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 30, y: 20 });
    state = { ...state, width: 1000 };
    saver.flush();
    expect(loadWindowState(file, screen)).toEqual(state);
  });
});
