import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller } from '../../core/api/roles';
import type { TwinBackend } from '../services/twin-backend';
import { CLOSE_TRY_AGAIN_LATER, closeWith, serveClient, type TransportLog } from './client-connection';
import { resolveTransportLimits, type TransportLimits } from './connection-limits';

export interface WebSocketTransportOptions {
  /** Per-connection limits; DEFAULT_TRANSPORT_LIMITS for those not given. */
  limits?: Partial<TransportLimits>;
  /** Where refused clients and socket errors are reported; console.warn by default. */
  log?: TransportLog;
}

/** Serves the TwinApi over WebSocket at /api. */
export function createWebSocketTransport(
  backend: TwinBackend,
  options: WebSocketTransportOptions = {},
): {
  /** Accepts an upgrade that the server has already authorised (Host, Origin, token: electron/web/access.ts). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, caller: Caller): void;
  close(): void;
} {
  const limits = resolveTransportLimits(options.limits);
  const log = options.log ?? ((line: string) => console.warn(line));
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  wss.on('error', (err) => log(`Twinscape web: WebSocket server error: ${err.message}`));
  wss.on('connection', (socket: WebSocket, _req: IncomingMessage, caller: Caller) => {
    // wss.clients already holds this socket.
    if (wss.clients.size > limits.maxClients) {
      socket.on('error', (err) => log(`Twinscape web: turned-away WebSocket client error: ${err.message}`));
      closeWith(socket, CLOSE_TRY_AGAIN_LATER, `too many clients (limit ${limits.maxClients})`, log);
      return;
    }
    serveClient(socket, backend, caller, limits, log);
  });

  return {
    handleUpgrade(req, socket, head, caller) {
      // A connection reset during the handshake must not become an unhandled 'error'.
      const onHandshakeError = (err: Error) =>
        log(`Twinscape web: WebSocket handshake error: ${err.message}`);
      socket.on('error', onHandshakeError);
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/api') {
        socket.write('HTTP/1.1 404 Not Found\r\n\r\n');
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        socket.off('error', onHandshakeError);
        wss.emit('connection', ws, req, caller);
      });
    },
    close() {
      for (const client of wss.clients) client.close();
      wss.close();
    },
  };
}
