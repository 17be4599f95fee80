import { BrowserWindow, screen } from 'electron';
import type { BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';
import { createStateSaver, loadWindowState, type WindowState } from './window-state';

/** The renderer's Content-Security-Policy, also sent as a header (index.html carries it as a meta tag too). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // tfjs' wasm backend compiles WebAssembly; no 'unsafe-eval', no inline scripts.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
].join('; ');

/** Permissions the renderer may get; everything else (camera, geolocation, notifications…) is refused. */
const ALLOWED_PERMISSIONS = new Set(['fullscreen', 'clipboard-sanitized-write']);

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

/** The file URL of the renderer, without query or hash, which every check compares against. */
export function rendererFileUrl(rendererIndex: string): string {
  return pathToFileURL(rendererIndex).href;
}

/** True when `url` is the renderer page itself (any query or hash), false for anything else or garbage. */
export function isRendererUrl(url: string, rendererUrl: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'file:') return false;
    u.hash = '';
    u.search = '';
    return u.href === rendererUrl;
  } catch {
    return false;
  }
}

/** Denies new windows, navigation away from the renderer and <webview>. */
export function hardenWebContents(contents: WebContents, rendererUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isRendererUrl(url, rendererUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Adds the CSP header to every response and refuses permission requests the app does not need. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
}

export interface MainWindowDeps {
  /** Absolute path of the bundled preload (dist/backend/preload.cjs). */
  preloadPath: string;
  /** Absolute path of dist/renderer/index.html. */
  rendererIndex: string;
  /** JSON file holding the window's size and position (in app.getPath('userData')). */
  stateFile: string;
}

/** Creates the one main window, hardened, at its remembered size and place, and loads the renderer. */
export function createMainWindow(deps: MainWindowDeps): { window: BrowserWindow; rendererUrl: string } {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = loadWindowState(deps.stateFile, workAreas);
  const window = new BrowserWindow(buildWindowOptions(state, deps.preloadPath));
  const rendererUrl = rendererFileUrl(deps.rendererIndex);

  hardenSession(window.webContents.session);
  hardenWebContents(window.webContents, rendererUrl);

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
  void window.loadFile(deps.rendererIndex);
  return { window, rendererUrl };
}
