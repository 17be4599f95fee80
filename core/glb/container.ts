// The binary container of a GLB: a 12-byte header and a chunk table (JSON first, then an optional BIN), as
// in glTF 2.0 §4.4. Checks every length against the file before any byte is read past it.
import { GlbError, MAX_GLB_JSON_BYTES, formatCount } from './limits';

const MAGIC_GLTF = 0x46546c67; // "glTF", little-endian
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const CHUNK_BIN = 0x004e4942; // "BIN\0"
const HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

export interface GlbChunks {
  /** The JSON chunk, parsed. */
  json: unknown;
  /** The BIN chunk's bytes (buffer 0), or null when the file has none. */
  bin: Uint8Array | null;
}

const chunkName = (type: number): string =>
  type === CHUNK_JSON ? 'JSON' : type === CHUNK_BIN ? 'BIN' : `0x${type.toString(16).padStart(8, '0')}`;

function readHeader(view: DataView, fail: (problem: string) => never): void {
  if (view.byteLength < HEADER_BYTES || view.getUint32(0, true) !== MAGIC_GLTF)
    fail('is not a binary glTF (.glb) file: it does not start with "glTF"');
  const version = view.getUint32(4, true);
  if (version !== 2) fail(`is glTF version ${version}; only 2 is supported`);
  const length = view.getUint32(8, true);
  if (length !== view.byteLength)
    fail(
      `is truncated or padded: its header says ${formatCount(length)} bytes, the file has ${formatCount(view.byteLength)}`,
    );
}

function parseJsonChunk(bytes: Uint8Array, fail: (problem: string) => never): unknown {
  if (bytes.byteLength > MAX_GLB_JSON_BYTES)
    fail(
      `JSON chunk is ${formatCount(bytes.byteLength)} bytes, over the ${formatCount(MAX_GLB_JSON_BYTES)} limit`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('JSON chunk is not UTF-8 text');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return fail(`JSON chunk is not valid JSON (${(e as Error).message})`);
  }
}

/** Splits a GLB into its JSON and BIN chunks; throws GlbError naming the file and the chunk at fault. */
export function readGlbChunks(bytes: Uint8Array, fileName: string): GlbChunks {
  const fail = (problem: string): never => {
    throw new GlbError(fileName, problem);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  readHeader(view, fail);
  let json: unknown;
  let bin: Uint8Array | null = null;
  let offset = HEADER_BYTES;
  for (let index = 0; offset < bytes.byteLength; index++) {
    if (offset + CHUNK_HEADER_BYTES > bytes.byteLength)
      fail(
        `chunk ${index} at byte ${formatCount(offset)} is cut off: its 8-byte header does not fit in the file`,
      );
    const length = view.getUint32(offset, true);
    const type = view.getUint32(offset + 4, true);
    const start = offset + CHUNK_HEADER_BYTES;
    const at = `chunk ${index} (${chunkName(type)}) at byte ${formatCount(offset)}`;
    if (length % 4 !== 0) fail(`${at} has length ${formatCount(length)}, which is not a multiple of 4`);
    if (start + length > bytes.byteLength)
      fail(
        `${at} says it holds ${formatCount(length)} bytes but only ${formatCount(bytes.byteLength - start)} follow`,
      );
    const body = bytes.subarray(start, start + length);
    if (index === 0) {
      if (type !== CHUNK_JSON) fail(`${at}: the first chunk must be JSON`);
      json = parseJsonChunk(body, fail);
    } else if (type === CHUNK_JSON) fail(`${at}: only the first chunk may be JSON`);
    else if (type === CHUNK_BIN) {
      if (index !== 1) fail(`${at}: the BIN chunk must come right after the JSON chunk`);
      bin = body;
    }
    offset = start + length;
  }
  if (offset === HEADER_BYTES) fail('has no chunks: a GLB needs a JSON chunk after its 12-byte header');
  return { json, bin };
}
