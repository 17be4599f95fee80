// The desktop renderer's one origin: app://twinscape, served by electron/shell/app-protocol.ts.

export const APP_SCHEME = 'app';
export const APP_HOST = 'twinscape';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for a page of the app:// origin: not file://, not another app:// host, not http://localhost, not garbage.
 * IPC senders, navigation and permission requests are checked against it.
 */
export function isRendererUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
