import type { Caller } from '../../core/api/roles';
import type { RawData, WebSocket } from 'ws';
import type { TwinMethod } from '../../core/api/schemas';
import type { InvokeResult } from '../../core/api/twin-api';
import { parseClientMessage } from '../../core/api/wire';
import type { TwinBackend } from '../services/twin-backend';
import { ClientChannel } from './client-channel';
import { ConnectionLimits, type TransportLimits } from './connection-limits';

/** Close codes (RFC 6455) the transport sends itself; ws sends 1009 (too big) and 1007 (bad UTF-8) on its own. */
export const CLOSE_UNSUPPORTED_DATA = 1003;
export const CLOSE_INVALID_DATA = 1007;
export const CLOSE_POLICY_VIOLATION = 1008;
export const CLOSE_TRY_AGAIN_LATER = 1013;

/** Where the transport reports what it did about a misbehaving client. */
export type TransportLog = (line: string) => void;

/** Close reasons are limited to 123 bytes by the protocol. */
export function closeWith(socket: WebSocket, code: number, reason: string, log: TransportLog): void {
  log(`Twinscape web: closing a WebSocket client with ${code}: ${reason}`);
  socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function invokeAndReply(
  backend: TwinBackend,
  channel: ClientChannel,
  call: { id: number; method: TwinMethod; payload: unknown },
  caller: Caller,
): Promise<void> {
  let result: InvokeResult;
  try {
    result = await backend.invoke(call.method, call.payload, caller);
  } catch (e) {
    result = { ok: false, error: `${call.method} failed in the backend: ${errorText(e)}` };
  }
  try {
    channel.send({ kind: 'result', id: call.id, result });
  } catch (e) {
    const error = `${call.method}: the backend could not send its reply: ${errorText(e)}`;
    channel.send({ kind: 'result', id: call.id, result: { ok: false, error } });
  }
}

/**
 * Serves one WebSocket client: validates each message, enforces its limits and answers every call it can
 * read, with an error reply when it refuses one. Nothing the client sends throws out of here: bad frames
 * close this socket only (1009 too big, 1007 invalid data, 1003 binary, 1008 persistent abuse).
 */
export function serveClient(
  socket: WebSocket,
  backend: TwinBackend,
  caller: Caller,
  limits: TransportLimits,
  log: TransportLog,
): void {
  const connectionLimits = new ConnectionLimits(limits);
  const channel = new ClientChannel(socket, limits.maxBufferedBytes, (bytes) => {
    log(
      `Twinscape web: disconnecting a WebSocket client that left ${bytes} bytes unread ` +
        `(limit ${limits.maxBufferedBytes})`,
    );
    socket.terminate();
  });
  const unsubscribe = backend.subscribe((event) => channel.sendEvent(event), caller);

  const refuse = (id: number | null, error: string) => {
    if (id === null)
      channel.send({ kind: 'event', event: { type: 'notice', level: 'error', message: error } });
    else channel.send({ kind: 'result', id, result: { ok: false, error } });
    if (!connectionLimits.tolerateRefusal())
      closeWith(socket, CLOSE_POLICY_VIOLATION, 'too many refused requests; reconnect and slow down', log);
  };

  socket.on('message', (data, isBinary) => {
    if (socket.readyState !== socket.OPEN) return;
    if (isBinary) {
      closeWith(socket, CLOSE_UNSUPPORTED_DATA, 'binary messages are not accepted on /api', log);
      return;
    }
    const parsed = parseClientMessage(textOf(data));
    if (!parsed.ok && parsed.problem === 'not-json') {
      channel.send({ kind: 'event', event: { type: 'notice', level: 'error', message: parsed.error } });
      closeWith(socket, CLOSE_INVALID_DATA, 'message is not JSON', log);
      return;
    }
    if (!parsed.ok) {
      refuse(parsed.id, parsed.error);
      return;
    }
    const admission = connectionLimits.admit(parsed.message.method);
    if (!admission.ok) {
      refuse(parsed.message.id, admission.error);
      return;
    }
    invokeAndReply(backend, channel, parsed.message, caller)
      .catch((e: unknown) => log(`Twinscape web: ${parsed.message.method} reply failed: ${errorText(e)}`))
      .finally(() => connectionLimits.settle());
  });
  // ws has already closed the socket with the code that fits (1009, 1007, 1002); without this listener
  // the error would be unhandled and end the process.
  socket.on('error', (err) => log(`Twinscape web: WebSocket client error: ${err.message}`));
  socket.on('close', () => {
    unsubscribe();
    channel.close();
  });
}
