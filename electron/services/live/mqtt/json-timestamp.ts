import type { Phrase } from '../../../../core/text/phrase';

/** ISO-8601 date and time with a zone ("Z" or an offset): without one, the time would silently be local. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A timestamp that cannot be read says why: `problem` in English, `cause` as a phrase (a `payloadTimestamp` cause). */
export type JsonTimestamp = { ok: true; ms: number } | { ok: false; problem: string; cause: Phrase };

const shown = (raw: unknown): string => {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** A timestamp from a JSON payload: ms since the Unix epoch, or an ISO-8601 string with a zone. */
export function readJsonTimestamp(raw: unknown): JsonTimestamp {
  if (typeof raw === 'number' && Number.isFinite(raw)) return { ok: true, ms: raw };
  if (typeof raw === 'string' && ISO_8601.test(raw)) {
    const ms = Date.parse(raw);
    if (Number.isFinite(ms)) return { ok: true, ms };
  }
  if (raw === undefined)
    return { ok: false, problem: 'is missing', cause: { code: 'timestampMissing', params: {} } };
  return {
    ok: false,
    problem: `is ${shown(raw)}, not ms since the epoch or an ISO-8601 time with a zone ("2024-05-01T12:00:00Z")`,
    cause: { code: 'timestampNotTime', params: { value: shown(raw) } },
  };
}
