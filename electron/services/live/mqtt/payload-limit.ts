import { said, type Said } from '../../../../core/text/phrase';

/** Payloads larger than this are refused before they are parsed (a tag value never needs more). */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

const MB = 1024 * 1024;

/** "10.0 MB", or the exact byte count where one decimal would read as the limit itself. */
function size(bytes: number): string {
  const shown = (bytes / MB).toFixed(1);
  return shown === (MAX_PAYLOAD_BYTES / MB).toFixed(1) ? `${bytes} bytes` : `${shown} MB`;
}

/** Why this payload is too large to read, or null when it is within the limit. */
export function oversizedPayload(topic: string, payload: Uint8Array): Said | null {
  if (payload.byteLength <= MAX_PAYLOAD_BYTES) return null;
  const shown = size(payload.byteLength);
  const limit = MAX_PAYLOAD_BYTES / MB;
  return said(
    'payloadTooLarge',
    { topic, size: shown, limit },
    `payload at ${topic} is ${shown}, more than the ${limit} MB limit`,
  );
}
