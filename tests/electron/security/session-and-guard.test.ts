import { electron } from '../../setup-electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import { RENDERER_URL } from '../../../electron/shell/app-origin';
import { applySessionPolicy } from '../../../electron/shell/session-policy';
import { guardWebContents, installWebContentsGuard } from '../../../electron/shell/web-contents-guard';

type FakeContents = InstanceType<typeof electron.FakeWebContents>;
const session = electron.sessionFake;

function lastArg<T>(mock: { mock: { calls: unknown[][] } }, index: number): T {
  return mock.mock.calls.at(-1)?.[index] as T;
}

beforeEach(() => {
  electron.reset();
  vi.clearAllMocks();
});

describe('session policy', () => {
  beforeEach(() => applySessionPolicy(session as unknown as Session));

  it('answers every permission check with no, even from the app itself', () => {
    const check = lastArg<(wc: null, permission: string, origin: string) => boolean>(
      session.setPermissionCheckHandler,
      0,
    );
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'serial',
      'hid',
      'usb',
    ]) {
      expect({ permission, granted: check(null, permission, 'app://twinscape') }).toEqual({
        permission,
        granted: false,
      });
    }
  });

  it('refuses every permission request and device access', () => {
    const request = lastArg<(wc: null, permission: string, cb: (granted: boolean) => void) => void>(
      session.setPermissionRequestHandler,
      0,
    );
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'openExternal', 'fullscreen'])
      request(null, permission, callback);
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false]]);
    const device = lastArg<(details: unknown) => boolean>(session.setDevicePermissionHandler, 0);
    expect(device({ deviceType: 'serial', origin: 'app://twinscape' })).toBe(false);
  });

  it('cancels any http, https or WebSocket request before it reaches the plant network', () => {
    const filter = lastArg<{ urls: string[] }>(session.webRequest.onBeforeRequest, 0);
    expect(filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    const listener = lastArg<(details: unknown, cb: (r: { cancel: boolean }) => void) => void>(
      session.webRequest.onBeforeRequest,
      1,
    );
    const callback = vi.fn();
    listener({ url: 'http://10.0.0.5/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('web contents guard', () => {
  function guarded(): FakeContents {
    const contents = new electron.FakeWebContents();
    const app = new electron.FakeEmitter();
    installWebContentsGuard(app as unknown as Pick<App, 'on'>);
    app.emit('web-contents-created', {}, contents);
    return contents;
  }

  const prevented = (contents: FakeContents, event: string, url?: string) => {
    const e = { preventDefault: vi.fn() };
    contents.emit(event, e, url);
    return e.preventDefault.mock.calls.length > 0;
  };

  it('guards every web contents the app creates: window.open is denied', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: RENDERER_URL })).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects away from app://twinscape, allows in-app routes', () => {
    const contents = guarded();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(prevented(contents, event, 'https://evil.example')).toBe(true);
      expect(prevented(contents, event, 'file:///etc/passwd')).toBe(true);
      expect(prevented(contents, event, 'http://127.0.0.1:5190/')).toBe(true);
      expect(prevented(contents, event, 'app://evil/index.html')).toBe(true);
      expect(prevented(contents, event, `${RENDERER_URL}#/history`)).toBe(false);
    }
  });

  it('refuses to attach a <webview>', () => {
    const contents = new electron.FakeWebContents();
    guardWebContents(contents as unknown as WebContents);
    expect(prevented(contents, 'will-attach-webview')).toBe(true);
  });
});
