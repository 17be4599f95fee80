/** Something sent in pieces: a string (characters) or bytes; `slice` gives a piece of the same kind. */
export interface Sliceable<T> {
  readonly length: number;
  slice(start: number, end: number): T;
}

/** The backend's side of one chunked upload (core/upload/chunked-uploads.ts). */
export interface ChunkChannel<T, R> {
  /** Opens the upload of `size` units; resolves with its id and the units each chunk may hold. */
  begin(size: number): Promise<{ id: string; chunkSize: number }>;
  /** Sends piece `index`; resolves with the units received so far. */
  sendChunk(id: string, index: number, piece: T): Promise<number>;
  /** The call that takes the whole upload (a commit, or loadAsset naming the upload). */
  finish(id: string): Promise<R>;
  abort(id: string): Promise<unknown>;
}

/**
 * Sends `whole` in chunks the backend sizes (each well under the WebSocket's 8 MiB message limit), reporting
 * units sent, then makes the final call. A failure closes the upload on the backend.
 */
export async function sendInChunks<T extends Sliceable<T>, R>(
  channel: ChunkChannel<T, R>,
  whole: T,
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<R> {
  const { id, chunkSize } = await channel.begin(whole.length);
  try {
    if (!(chunkSize > 0)) throw new Error(`backend asked for chunks of ${chunkSize} units`);
    onProgress(0, whole.length);
    for (let index = 0, at = 0; at < whole.length; index++, at += chunkSize)
      onProgress(await channel.sendChunk(id, index, whole.slice(at, at + chunkSize)), whole.length);
    return await channel.finish(id);
  } catch (e) {
    await channel.abort(id).catch(() => undefined);
    throw e;
  }
}

/** Bytes as base64, converted in slices so that large chunks do not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
