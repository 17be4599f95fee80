import { MAX_WIRE_MESSAGE_BYTES } from '../../../core/api/wire';

/** Bytes of `text` in UTF-8, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * The error for a request too large for one WebSocket message (the backend would close the connection
 * on it), naming the method and both sizes; null when it fits.
 */
export function oversizeRequestError(
  method: string,
  message: string,
  limitBytes: number = MAX_WIRE_MESSAGE_BYTES,
): Error | null {
  // Every UTF-16 unit is at most 3 UTF-8 bytes: most messages need no counting.
  if (message.length * 3 <= limitBytes) return null;
  const bytes = utf8ByteLength(message);
  if (bytes <= limitBytes) return null;
  return new Error(
    `${method} was not sent: the request is ${megabytes(bytes)}, more than the ${megabytes(limitBytes)} ` +
      'one message to the web backend may carry',
  );
}
