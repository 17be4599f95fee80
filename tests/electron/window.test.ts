import { electron } from '../setup-electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CONTENT_SECURITY_POLICY,
  buildWebPreferences,
  buildWindowOptions,
  createMainWindow,
  isRendererUrl,
} from '../../electron/shell/window';
import { DEFAULT_WINDOW_STATE, loadWindowState } from '../../electron/shell/window-state';

const rendererIndex = '/app/dist/renderer/index.html';
const rendererUrl = pathToFileURL(rendererIndex).href;

type FakeWindow = InstanceType<typeof electron.BrowserWindow>;

function open(stateFile = join(mkdtempSync(join(tmpdir(), 'twinscape-win-')), 'window-state.json')) {
  const { window } = createMainWindow({
    preloadPath: '/app/dist/backend/preload.cjs',
    rendererIndex,
    stateFile,
  });
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
  it('loads the renderer file with the hardened preferences', () => {
    const { window } = open();
    expect(window.loadFile).toHaveBeenCalledWith(rendererIndex);
    expect(window.options.webPreferences).toEqual(buildWebPreferences('/app/dist/backend/preload.cjs'));
  });

  it('denies every new window', () => {
    const { window } = open();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({
      action: 'deny',
    });
  });

  it('prevents navigation away from the renderer file, allows in-page changes', () => {
    const { window } = open();
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      window.webContents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('not a url')).toBe(true);
    expect(navigate(`${rendererUrl}#/history`)).toBe(false);
  });

  it('sends the Content-Security-Policy header on every response', () => {
    open();
    const listener = electron.sessionFake.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders: Record<string, string[]> },
      callback: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    const headers = callback.mock.calls[0]?.[0].responseHeaders;
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('refuses permission requests such as geolocation', () => {
    open();
    const handler = electron.sessionFake.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    const cb = vi.fn();
    handler(null, 'geolocation', cb);
    expect(cb).toHaveBeenCalledWith(false);
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

  it('recognises only the renderer file as itself', () => {
    expect(isRendererUrl(`${rendererUrl}?a=1#b`, rendererUrl)).toBe(true);
    expect(isRendererUrl('file:///app/dist/renderer/other.html', rendererUrl)).toBe(false);
    expect(isRendererUrl('https://app/dist/renderer/index.html', rendererUrl)).toBe(false);
  });
});
