import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TelemetryBatch, TwinEvent } from '../../core/api/types';
import { encodeTelemetryFrame } from '../../core/api/telemetry-frame';
import { parseClientMessage, type ServerMessage } from '../../core/api/wire';
import type { Caller } from '../../core/api/roles';
import type { TwinBackend } from '../services/twin-backend';
import { mergeBatches } from '../services/telemetry-batcher';

/** Bytes queued in a socket above which telemetry is coalesced instead of sent. */
const BACKPRESSURE_BYTES = 256 * 1024;

class ClientChannel {
  private pendingTelemetry: TelemetryBatch | null = null;
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly socket: WebSocket) {}

  send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** Telemetry coalesces while the client is slow, so it is never more than one batch behind. */
  sendEvent(event: TwinEvent): void {
    if (event.type !== 'telemetry') {
      this.send({ kind: 'event', event });
      return;
    }
    this.pendingTelemetry = this.pendingTelemetry
      ? mergeBatches(this.pendingTelemetry, event.batch)
      : event.batch;
    this.flush();
  }

  private flush(): void {
    if (!this.pendingTelemetry) return;
    if (this.socket.bufferedAmount > BACKPRESSURE_BYTES) {
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = null;
        this.flush();
      }, 50);
      return;
    }
    const batch = this.pendingTelemetry;
    this.pendingTelemetry = null;
    // Telemetry goes as a binary message (core/api/telemetry-frame); everything else as JSON text.
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(encodeTelemetryFrame(batch));
  }

  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }
}

/** Serves the TwinApi over WebSocket at /api. */
export function createWebSocketTransport(backend: TwinBackend): {
  /** Accepts an upgrade that the server has already authorised (Host, Origin, token: electron/web/access.ts). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, caller: Caller): void;
  close(): void;
} {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  wss.on('connection', (socket: WebSocket, _req: IncomingMessage, caller: Caller) => {
    const channel = new ClientChannel(socket);
    const unsubscribe = backend.subscribe((event) => channel.sendEvent(event), caller);
    socket.on('message', async (data) => {
      const parsed = parseClientMessage(data.toString());
      if (!parsed.ok) {
        channel.send({ kind: 'event', event: { type: 'notice', level: 'error', message: parsed.error } });
        return;
      }
      const { id, method, payload } = parsed.message;
      channel.send({ kind: 'result', id, result: await backend.invoke(method, payload, caller) });
    });
    socket.on('close', () => {
      unsubscribe();
      channel.close();
    });
  });

  return {
    handleUpgrade(req, socket, head, caller) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/api') {
        socket.write('HTTP/1.1 404 Not Found\r\n\r\n');
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, caller));
    },
    close() {
      for (const client of wss.clients) client.close();
      wss.close();
    },
  };
}
