import type { ConnectionEvent, TwinClientEvent } from '../../../core/api/client-events';
import { TWIN_METHOD_NAMES } from '../../../core/api/schemas';
import type { TwinApi, TwinClient, TwinMethodName } from '../../../core/api/twin-api';
import { readServerMessage, type Pending } from './server-message';

/** TwinApi over WebSocket, reconnecting with backoff; calls made while disconnected wait for the socket. */
export function createWebSocketClient(url: string): TwinClient {
  const listeners = new Set<(e: TwinClientEvent) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let ready: Promise<WebSocket>;
  let retryMs = 250;
  let attempt = 0;

  const emit = (event: TwinClientEvent) => listeners.forEach((l) => l(event));
  const announce = (connection: ConnectionEvent) => emit({ type: 'connection', connection });

  const connect = (): Promise<WebSocket> =>
    new Promise((resolve) => {
      const ws = new WebSocket(url);
      ws.binaryType = 'arraybuffer';
      socket = ws;
      ws.onopen = () => {
        retryMs = 250;
        attempt = 0;
        resolve(ws);
        announce({ kind: 'connected' });
      };
      ws.onmessage = (msg) => readServerMessage(msg.data, pending, emit);
      ws.onclose = () => {
        for (const p of pending.values()) p.reject(new Error('connection to the Twinscape backend was lost'));
        pending.clear();
        announce({ kind: 'reconnecting', attempt: ++attempt, retryInMs: retryMs });
        setTimeout(() => {
          ready = connect();
        }, retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      };
    });

  ready = connect();

  const call = async (method: TwinMethodName, payload: unknown): Promise<unknown> => {
    const ws = socket?.readyState === WebSocket.OPEN ? socket : await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, payload }));
    });
  };

  const methods = Object.fromEntries(
    TWIN_METHOD_NAMES.map((method) => [method, (req: unknown) => call(method, req)] as const),
  ) as unknown as TwinApi;
  return {
    ...methods,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
