// The one Content-Security-Policy of the renderer, for the desktop app (app:// responses, electron/shell/app-protocol.ts)
// and for web mode (electron/web/web-server.ts). index.html carries none: both hosts send it as a header.

export interface CspOptions {
  /**
   * Web mode only: the exact ws:// origin of this server's TwinApi socket. The desktop app talks to its backend over
   * IPC, so it gets no WebSocket source at all.
   */
  webSocketOrigin?: string;
}

/** No inline scripts, no eval (only 'wasm-unsafe-eval' for tfjs' wasm backend), no network beyond the app itself. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'"];
  if (options.webSocketOrigin !== undefined) connect.push(options.webSocketOrigin);
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The address a request came in on: the server's own, which a client cannot choose (unlike the Host header). */
export interface LocalEndpoint {
  localAddress?: string | undefined;
  localPort?: number | undefined;
}

/** `ws://<address>:<port>` of the socket a request arrived on; undefined when the socket has closed. */
export function webSocketOriginOf(endpoint: LocalEndpoint): string | undefined {
  const { localAddress, localPort } = endpoint;
  if (!localAddress || !localPort) return undefined;
  const address = localAddress.startsWith('::ffff:') ? localAddress.slice('::ffff:'.length) : localAddress;
  return `ws://${address.includes(':') ? `[${address}]` : address}:${localPort}`;
}

/** The header web mode sends with every response arriving on `endpoint`. */
export function webContentSecurityPolicy(endpoint: LocalEndpoint): string {
  const webSocketOrigin = webSocketOriginOf(endpoint);
  return contentSecurityPolicy(webSocketOrigin === undefined ? {} : { webSocketOrigin });
}
