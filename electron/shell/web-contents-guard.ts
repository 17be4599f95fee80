import type { App, WebContents } from 'electron';
import { isRendererUrl } from './app-origin';

/**
 * Keeps a web page inside the app: no new windows (window.open, target=_blank), no navigation or redirect away from
 * app://twinscape, and no <webview> (none is enabled anyway). Frames cannot load at all: the CSP's default-src is 'none'.
 */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isRendererUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Guards every web contents the app ever creates (windows, devtools, anything a bug might open), not just the main one. */
export function installWebContentsGuard(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
