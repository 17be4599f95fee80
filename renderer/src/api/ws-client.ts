import { TWIN_METHOD_NAMES } from '../../../core/api/schemas';
import type { TwinApi, TwinClient, TwinMethodName } from '../../../core/api/twin-api';
import type { TwinEvent } from '../../../core/api/types';
import { parseServerMessage } from '../../../core/api/wire';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** TwinApi over WebSocket, reconnecting with backoff; calls made while disconnected wait for the socket. */
export function createWebSocketClient(url: string): TwinClient {
  const listeners = new Set<(e: TwinEvent) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let ready: Promise<WebSocket>;
  let retryMs = 250;

  const emit = (event: TwinEvent) => listeners.forEach((l) => l(event));

  const connect = (): Promise<WebSocket> =>
    new Promise((resolve) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        retryMs = 250;
        resolve(ws);
        emit({ type: 'notice', level: 'info', message: 'connected' });
      };
      ws.onmessage = (msg) => {
        const parsed = parseServerMessage(String(msg.data));
        if (!parsed.ok) {
          emit({ type: 'notice', level: 'error', message: parsed.error });
          return;
        }
        const m = parsed.message;
        if (m.kind === 'event') emit(m.event as TwinEvent);
        else {
          const p = pending.get(m.id);
          if (!p) return;
          pending.delete(m.id);
          if (m.result.ok) p.resolve(m.result.value);
          else p.reject(new Error(m.result.error));
        }
      };
      ws.onclose = () => {
        for (const p of pending.values()) p.reject(new Error('connection to the Twinscape backend was lost'));
        pending.clear();
        emit({ type: 'notice', level: 'warning', message: 'disconnected' });
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
