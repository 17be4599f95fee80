// A real web-mode server and raw WebSocket clients for transport tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { TwinMethod } from '../../core/api/schemas';
import type { InvokeResult } from '../../core/api/twin-api';
import { createTwinBackend, type TwinBackend } from '../../electron/services/twin-backend';
import type { TransportLimits } from '../../electron/transport/connection-limits';
import { createWebSocketTransport } from '../../electron/transport/ws-transport';

export interface TestBackend {
  backend: TwinBackend;
  dispose(): Promise<void>;
}

/** The real backend on the built-in pump skid, with its data in a temporary folder. */
export async function startTestBackend(): Promise<TestBackend> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twin-ws-'));
  const backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, speed: 10 });
  return {
    backend,
    dispose: async () => {
      await backend.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An HTTP server on a free port whose upgrades go to the WebSocket transport, as in web-server.ts. */
export async function startTransportServer(
  backend: TwinBackend,
  limits: Partial<TransportLimits> = {},
): Promise<{ url: string; logged: string[]; close(): Promise<void> }> {
  const logged: string[] = [];
  const transport = createWebSocketTransport(backend, { limits, log: (line) => logged.push(line) });
  const server = createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) =>
    transport.handleUpgrade(req, socket, head, { role: 'operator', client: 'test' }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('test server has no address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    logged,
    close: () =>
      new Promise((resolve) => {
        transport.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A raw client speaking the wire protocol, recording results, notices, telemetry and how it closed. */
export class RawClient {
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly notices: string[] = [];
  telemetryFrames = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, (r: InvokeResult) => void>();

  constructor(pageUrl: string) {
    const page = new URL(pageUrl);
    const api = new URL('api', page);
    // Web mode's access token travels in the page's address; the socket presents it the same way.
    const token = page.searchParams.get('token');
    if (token) api.searchParams.set('token', token);
    this.socket = new WebSocket(api.href.replace(/^http/, 'ws'), { origin: page.origin });
    // A client cut off mid-send sees EPIPE or ECONNRESET; the test looks at the close code instead.
    this.socket.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      );
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    this.socket.on('message', (data, isBinary) => {
      if (isBinary) {
        this.telemetryFrames++;
        return;
      }
      const message = JSON.parse(String(data)) as
        | { kind: 'result'; id: number; result: InvokeResult }
        | { kind: 'event'; event: { type: string; message?: string } };
      if (message.kind === 'result') this.waiting.get(message.id)?.(message.result);
      else if (message.event.type === 'notice') this.notices.push(message.event.message ?? '');
    });
  }

  /** Sends a call with a fresh id and resolves with its result. */
  call(method: TwinMethod | string, payload: unknown = {}): Promise<InvokeResult> {
    const id = this.nextId++;
    return this.callWithId(id, { id, method, payload });
  }

  /** Sends `message` as it is and resolves with the result the server sends for `id`. */
  callWithId(id: number, message: unknown): Promise<InvokeResult> {
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify(message));
    });
  }

  /** Resolves once `count` more telemetry frames have arrived. */
  async telemetryAfter(count: number, timeoutMs = 5000): Promise<void> {
    const target = this.telemetryFrames + count;
    const deadline = Date.now() + timeoutMs;
    while (this.telemetryFrames < target) {
      if (Date.now() > deadline) throw new Error(`expected ${count} telemetry frames within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
