import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import sirv from 'sirv';
import { webContentSecurityPolicy } from '../security/csp';
import type { TwinBackend } from '../services/twin-backend';
import { createWebSocketTransport } from '../transport/ws-transport';
import { allowedHostHeaders, authorizeRequest, type AccessPolicy } from './access';
import { tokenCookie, type AccessTokens } from './token';

export interface WebServer {
  /** The address to open as an operator: it carries the operator token. */
  url: string;
  /** The address to hand to viewers: it carries the viewer token. */
  viewerUrl: string;
  /** The address without a token (scheme, host and port). */
  origin: string;
  close(): Promise<void>;
}

export interface WebAccessOptions {
  tokens: AccessTokens;
  /** Extra names the browser may use for the server (host or host:port), e.g. a proxy's public name. */
  publicHosts?: readonly string[];
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string; cert: string };
}

const forbid = (res: ServerResponse, reason: string) => {
  res.statusCode = 403;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`Forbidden: ${reason}\n`);
};

/** Serves the built renderer and the TwinApi WebSocket on one port. */
export async function startWebServer(options: {
  backend: TwinBackend;
  rendererDir: string;
  /** Trained models, served read-only under /models/. */
  modelsDir?: string;
  host: string;
  port: number;
  access: WebAccessOptions;
}): Promise<WebServer> {
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, single: false });
  const serveModels = options.modelsDir
    ? sirv(options.modelsDir, { dev: false, etag: true, dotfiles: false })
    : null;
  const transport = createWebSocketTransport(options.backend);
  const { tls } = options.access;
  // Set once listening, when the port (maybe chosen by the system) is known; no request arrives before.
  let policy: AccessPolicy | null = null;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Content-Security-Policy', webContentSecurityPolicy(req.socket));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // The first address carries the token: never pass it on to another site.
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!policy) return forbid(res, 'the server is still starting');
    const decision = authorizeRequest(req, policy, 'http');
    if (!decision.ok) return forbid(res, decision.reason);
    // Trade the address's token for a cookie that page scripts cannot read and other sites cannot send.
    if (decision.presentedInQuery)
      res.setHeader('Set-Cookie', tokenCookie(policy.port, decision.presentedInQuery, tls !== undefined));
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (serveModels && req.url?.startsWith('/models/')) {
      req.url = req.url.slice('/models'.length);
      serveModels(req, res, notFound);
      return;
    }
    serveStatic(req, res, notFound);
  };
  const server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handle) : createHttpServer(handle);
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const decision = policy ? authorizeRequest(req, policy, 'websocket') : null;
    if (!decision?.ok) {
      const reason = decision ? decision.reason : 'the server is still starting';
      // A client that resets while being turned away must not become an unhandled 'error'.
      socket.on('error', () => undefined);
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${reason}\n`,
      );
      return;
    }
    transport.handleUpgrade(req, socket, head, {
      role: decision.role,
      client: `web ${req.socket.remoteAddress ?? 'unknown address'}`,
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  policy = {
    tokens: options.access.tokens,
    port,
    allowedHosts: allowedHostHeaders(options.host, port, options.access.publicHosts),
  };
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const origin = `${tls ? 'https' : 'http'}://${hostForUrl}:${port}`;
  const { tokens } = options.access;
  return {
    url: `${origin}/?token=${tokens.operator}`,
    viewerUrl: `${origin}/?token=${tokens.viewer}`,
    origin,
    close: () =>
      new Promise((resolve) => {
        transport.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
