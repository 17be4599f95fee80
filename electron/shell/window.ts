import { BrowserWindow, screen } from 'electron';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { RENDERER_URL } from './app-origin';
import { createStateSaver, loadWindowState, type WindowState } from './window-state';

export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function buildWindowOptions(state: WindowState, preloadPath: string): BrowserWindowConstructorOptions {
  const options: BrowserWindowConstructorOptions = {
    title: 'Twinscape',
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 400,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#101418',
    webPreferences: buildWebPreferences(preloadPath),
  };
  if (state.x !== undefined && state.y !== undefined) {
    options.x = state.x;
    options.y = state.y;
  } else {
    options.center = true;
  }
  return options;
}

export interface MainWindowDeps {
  /** Absolute path of the bundled preload (dist/backend/preload.cjs). */
  preloadPath: string;
  /** JSON file holding the window's size and position (in app.getPath('userData')). */
  stateFile: string;
}

/**
 * Creates the one main window at its remembered size and place and loads the renderer from app://. Its web contents
 * are guarded by the app-wide guard (web-contents-guard.ts), its session by session-policy.ts.
 */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = loadWindowState(deps.stateFile, workAreas);
  const window = new BrowserWindow(buildWindowOptions(state, deps.preloadPath));

  const saver = createStateSaver(deps.stateFile, () => {
    if (window.isDestroyed() || window.isMinimized()) return undefined;
    // Normal bounds: what to restore to after un-maximizing.
    const b = window.getNormalBounds();
    return {
      schemaVersion: 1,
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      maximized: window.isMaximized(),
    };
  });
  window.on('move', saver.schedule);
  window.on('resize', saver.schedule);
  window.on('close', saver.flush);

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(RENDERER_URL);
  return window;
}
