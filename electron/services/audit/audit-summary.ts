/** Strings longer than this (file contents, base64 models) are recorded as their length only. */
const MAX_STRING = 120;
/** The whole summary is cut to this many characters. */
const MAX_SUMMARY = 400;

/** The request as short JSON for the audit trail: long texts become "<N chars>", the whole capped in length. */
export function summarizeRequest(payload: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload ?? {}, (_key, value: unknown) =>
      typeof value === 'string' && value.length > MAX_STRING ? `<${value.length} chars>` : value,
    );
  } catch (e) {
    return `(request not serialisable: ${(e as Error).message})`;
  }
  if (json === undefined) return '(no request)';
  return json.length > MAX_SUMMARY ? `${json.slice(0, MAX_SUMMARY - 1)}…` : json;
}
