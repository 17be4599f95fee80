import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import { webContentSecurityPolicy } from '../security/csp';
import type { TwinBackend } from '../services/twin-backend';
import { createWebSocketTransport } from '../transport/ws-transport';

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the built renderer and the TwinApi WebSocket on one port. */
export async function startWebServer(options: {
  backend: TwinBackend;
  rendererDir: string;
  /** Trained models, served read-only under /models/. */
  modelsDir?: string;
  host: string;
  port: number;
}): Promise<WebServer> {
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, single: false });
  const serveModels = options.modelsDir
    ? sirv(options.modelsDir, { dev: false, etag: true, dotfiles: false })
    : null;
  const transport = createWebSocketTransport(options.backend);
  const server: Server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', webContentSecurityPolicy(req.socket));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
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
  });
  server.on('upgrade', (req, socket, head) => transport.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/`,
    close: () =>
      new Promise((resolve) => {
        transport.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
