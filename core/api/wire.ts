import { z } from 'zod';
import { describeIssues } from '../validation/describe-issues';
import { requestSchemas, type TwinMethod } from './schemas';

/** Largest message either side accepts on the WebSocket, in bytes (UTF-8 for text). */
export const MAX_WIRE_MESSAGE_BYTES = 8 * 1024 * 1024;

/** Client → server over WebSocket. */
export const clientMessageSchema = z
  .object({
    id: z.number().int().nonnegative(),
    method: z.enum(Object.keys(requestSchemas) as [TwinMethod, ...TwinMethod[]]),
    payload: z.unknown(),
  })
  .strict();

const invokeResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** Server → client: a call's result or a pushed event. */
export const serverMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('result'), id: z.number().int(), result: invokeResultSchema }),
  z.object({ kind: z.literal('event'), event: z.object({ type: z.string() }).passthrough() }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `message is not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * Why a client message was refused: `not-json` text is garbage (the transport closes the socket), a
 * `bad-request` is JSON that is not a valid call; its `id` is kept when readable so the caller's promise settles.
 */
export type ClientMessageProblem =
  | { ok: false; problem: 'not-json'; error: string; id: null }
  | { ok: false; problem: 'bad-request'; error: string; id: number | null };

/** The call id of a message that failed validation, when it has a usable one. */
function readableId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const r = clientMessageSchema.shape.id.safeParse(value.id);
  return r.success ? r.data : null;
}

/** The method name of a message whose method is a string but not a TwinApi method. */
function unknownMethodName(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('method' in value)) return null;
  const { method } = value;
  return typeof method === 'string' && !Object.hasOwn(requestSchemas, method) ? method : null;
}

export function parseClientMessage(
  text: string,
): { ok: true; message: ClientMessage } | ClientMessageProblem {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problem: 'not-json', error: json.error, id: null };
  const r = clientMessageSchema.safeParse(json.value);
  if (r.success) return { ok: true, message: r.data };
  const method = unknownMethodName(json.value);
  const error =
    method === null
      ? describeIssues(r.error, { prefix: 'bad request', rootLabel: '(message)' })
      : `bad request: unknown method "${method.slice(0, 100)}"`;
  return { ok: false, problem: 'bad-request', error, id: readableId(json.value) };
}

export function parseServerMessage(
  text: string,
): { ok: true; message: ServerMessage } | { ok: false; error: string } {
  const json = parseJson(text);
  if (!json.ok) return json;
  const r = serverMessageSchema.safeParse(json.value);
  return r.success
    ? { ok: true, message: r.data }
    : {
        ok: false,
        error: describeIssues(r.error, { prefix: 'bad message from backend', rootLabel: '(message)' }),
      };
}
