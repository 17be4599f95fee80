import { z } from 'zod';
import { describeIssues } from '../validation/describe-issues';
import { requestSchemas, type TwinMethod } from './schemas';

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

export function parseClientMessage(
  text: string,
): { ok: true; message: ClientMessage } | { ok: false; error: string } {
  const json = parseJson(text);
  if (!json.ok) return json;
  const r = clientMessageSchema.safeParse(json.value);
  return r.success
    ? { ok: true, message: r.data }
    : { ok: false, error: describeIssues(r.error, { prefix: 'bad request', rootLabel: '(message)' }) };
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
