import type { ConnectionEvent, TwinClientEvent } from '../../../core/api/client-events';
import { TWIN_METHOD_NAMES } from '../../../core/api/schemas';
import type { TwinApi, TwinClient, TwinMethodName } from '../../../core/api/twin-api';
import { MAX_WIRE_MESSAGE_BYTES } from '../../../core/api/wire';
import { oversizeRequestError } from './request-size';
import { readServerMessage, type Pending } from './server-message';

export interface WebSocketClientOptions {
  /** A call with no reply after this long is rejected; 10 minutes by default (imports and what-ifs are slow). */
  requestTimeoutMs?: number;
  /** Largest request sent, in bytes; larger ones are rejected without sending. The server's limit by default. */
  maxMessageBytes?: number;
}

/** Close codes with which the server refuses a misbehaving client; anything else is a lost connection. */
const REFUSAL_CLOSE_CODES = new Set([1003, 1007, 1008, 1009, 1013]);

/** The TwinApi client over WebSocket, plus a way to hang up for good. */
export interface WebSocketTwinClient extends TwinClient {
  /** Closes the socket and stops reconnecting; calls still waiting are rejected. */
  disconnect(): void;
}

/** TwinApi over WebSocket, reconnecting with backoff; calls made while disconnected wait for the socket. */
export function createWebSocketClient(
  url: string,
  options: WebSocketClientOptions = {},
): WebSocketTwinClient {
  const requestTimeoutMs = options.requestTimeoutMs ?? 10 * 60_000;
  const maxMessageBytes = options.maxMessageBytes ?? MAX_WIRE_MESSAGE_BYTES;
  const listeners = new Set<(e: TwinClientEvent) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let ready: Promise<WebSocket>;
  let retryMs = 250;
  let attempt = 0;
  let disconnected = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

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
      ws.onclose = (event) => {
        const refused = REFUSAL_CLOSE_CODES.has(event.code);
        const why = refused
          ? `the Twinscape backend closed the connection (${event.code}: ${event.reason || 'refused'})`
          : 'connection to the Twinscape backend was lost';
        if (refused) emit({ type: 'notice', level: 'error', message: why });
        for (const p of pending.values()) p.reject(new Error(why));
        pending.clear();
        if (disconnected) return;
        announce({ kind: 'reconnecting', attempt: ++attempt, retryInMs: retryMs });
        retryTimer = setTimeout(() => {
          ready = connect();
        }, retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      };
    });

  ready = connect();

  const call = async (method: TwinMethodName, payload: unknown): Promise<unknown> => {
    if (disconnected)
      throw new Error(`${method} was not sent: this page disconnected from the Twinscape backend`);
    const id = nextId++;
    const message = JSON.stringify({ id, method, payload });
    const tooLarge = oversizeRequestError(method, message, maxMessageBytes);
    if (tooLarge) throw tooLarge;
    const ws = socket?.readyState === WebSocket.OPEN ? socket : await ready;
    if (ws.readyState !== WebSocket.OPEN)
      throw new Error(`${method} was not sent: the connection to the Twinscape backend was lost`);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(
          new Error(`${method} got no reply from the Twinscape backend within ${requestTimeoutMs / 1000} s`),
        );
      }, requestTimeoutMs);
      pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      ws.send(message);
    });
  };

  const methods = Object.fromEntries(
    TWIN_METHOD_NAMES.map((method) => [method, (req: unknown) => call(method, req)] as const),
  ) as unknown as TwinApi;
  return {
    ...methods,
    disconnect: () => {
      disconnected = true;
      clearTimeout(retryTimer);
      socket?.close();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
