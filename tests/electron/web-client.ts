// Real HTTP and WebSocket clients for web-mode tests: they set Host, Origin and Cookie as a browser (or an
// attacker's page after DNS rebinding) would.
import { request } from 'node:http';
import WebSocket from 'ws';
import type { InvokeResult } from '../../core/api/twin-api';

export interface HttpAnswer {
  status: number;
  setCookie: string[];
  body: string;
}

/** GET `path` from 127.0.0.1:port with the given headers (Host included, which fetch cannot set). */
export function httpGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

export type SocketAnswer =
  { opened: true; socket: WebSocket } | { opened: false; status: number; body: string };

/** Opens ws://127.0.0.1:port + path; resolves with the open socket or the status the server refused with. */
export function openSocket(
  port: number,
  path: string,
  options: { host?: string; origin?: string; cookie?: string } = {},
): Promise<SocketAnswer> {
  const headers: Record<string, string> = {};
  if (options.host) headers.host = options.host;
  if (options.cookie) headers.cookie = options.cookie;
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, {
    headers,
    ...(options.origin ? { origin: options.origin } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, body }));
    });
    socket.once('error', (e) => reject(e));
  });
}

let nextId = 1;

/** One TwinApi call over an open socket, as the renderer's client makes it. */
export function callOver(socket: WebSocket, method: string, payload: unknown): Promise<InvokeResult> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) return;
      const message = JSON.parse(data.toString()) as { kind: string; id?: number; result?: InvokeResult };
      if (message.kind === 'result' && message.id === id && message.result) {
        socket.off('message', onMessage);
        resolve(message.result);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, method, payload }));
  });
}
