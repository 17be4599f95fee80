import { electron } from '../setup-electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENDERER_URL } from '../../electron/shell/app-origin';
import { buildWebPreferences, buildWindowOptions, createMainWindow } from '../../electron/shell/window';
import { DEFAULT_WINDOW_STATE, loadWindowState } from '../../electron/shell/window-state';

type FakeWindow = InstanceType<typeof electron.BrowserWindow>;

function open(stateFile = join(mkdtempSync(join(tmpdir(), 'twinscape-win-')), 'window-state.json')) {
  const window = createMainWindow({ preloadPath: '/app/dist/backend/preload.cjs', stateFile });
  return { window: window as unknown as FakeWindow, stateFile };
}

beforeEach(() => {
  electron.reset();
  vi.clearAllMocks();
});

describe('window options', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security', () => {
    const prefs = buildWebPreferences('/p/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('restores a saved position, or centres when there is none', () => {
    const placed = buildWindowOptions({ ...DEFAULT_WINDOW_STATE, x: 50, y: 60 }, '/p.cjs');
    expect(placed).toMatchObject({ x: 50, y: 60, width: 1400, height: 900, show: false });
    expect(placed.center).toBeUndefined();
    expect(buildWindowOptions(DEFAULT_WINDOW_STATE, '/p.cjs')).toMatchObject({ center: true });
  });
});

describe('createMainWindow', () => {
  it('loads the renderer from app://, not file://, with the hardened preferences', () => {
    const { window } = open();
    expect(window.loadURL).toHaveBeenCalledWith(RENDERER_URL);
    expect(RENDERER_URL).toBe('app://twinscape/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
    expect(window.options.webPreferences).toEqual(buildWebPreferences('/app/dist/backend/preload.cjs'));
  });

  it('shows on ready-to-show and saves size and position on close', () => {
    const { window, stateFile } = open();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
    window.bounds = { x: 300, y: 200, width: 1000, height: 700 };
    window.emit('close');
    expect(loadWindowState(stateFile, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toMatchObject({
      x: 300,
      y: 200,
      width: 1000,
      height: 700,
    });
    // The next window opens where this one was.
    const again = open(stateFile).window;
    expect(again.options).toMatchObject({ x: 300, y: 200, width: 1000, height: 700 });
  });
});
