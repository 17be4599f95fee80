/**
 * Telemetry batches as one binary frame, the same bytes on the WebSocket (a binary message) and over
 * Electron IPC (a structured-clone ArrayBuffer). Little-endian layout:
 *
 *   0  u32  magic "TWTF"
 *   4  u16  version (1)
 *   6  u16  assetId bytes (UTF-8), A
 *   8  u32  samples, N
 *  12  u32  tags, K
 *  16  A bytes assetId, zero-padded to a multiple of 8
 *   …  N × f64  sample times (ms)
 *   …  K × N × f32  values, tag-major; NaN where missing
 *   …  K × N × u8  quality codes
 *
 * Values travel as float32, which is what the renderer's ring stores.
 */
import type { TelemetryBatch } from './types';

const MAGIC = 0x46545754; // "TWTF" read as a little-endian u32
export const TELEMETRY_FRAME_VERSION = 1;
const HEADER_BYTES = 16;

/** A decoded frame: views on the frame's own buffer, no copy. */
export interface TelemetryFrame {
  assetId: string;
  samples: number;
  tags: number;
  /** Sample times, ms since the Unix epoch. */
  t: Float64Array;
  /** values[tag * samples + sample]; NaN where missing. */
  values: Float32Array;
  /** quality[tag * samples + sample] (see core/data/quality). */
  quality: Uint8Array;
}

/** A frame that cannot be read; the message names what is wrong. */
export class TelemetryFrameError extends Error {
  constructor(problem: string) {
    super(`bad telemetry frame: ${problem}`);
    this.name = 'TelemetryFrameError';
  }
}

const padTo8 = (n: number): number => Math.ceil(n / 8) * 8;

function frameBytes(assetIdBytes: number, samples: number, tags: number): number {
  return HEADER_BYTES + padTo8(assetIdBytes) + samples * 8 + padTo8(tags * samples * 4) + tags * samples;
}

export function encodeTelemetryFrame(batch: TelemetryBatch): ArrayBuffer {
  const id = new TextEncoder().encode(batch.assetId);
  const samples = batch.t.length;
  const tags = batch.values.length;
  if (id.length > 0xffff) throw new TelemetryFrameError(`asset id of ${id.length} bytes is too long`);
  if (batch.quality.length !== tags)
    throw new TelemetryFrameError(`${tags} value columns but ${batch.quality.length} quality columns`);
  const buffer = new ArrayBuffer(frameBytes(id.length, samples, tags));
  const header = new DataView(buffer);
  header.setUint32(0, MAGIC, true);
  header.setUint16(4, TELEMETRY_FRAME_VERSION, true);
  header.setUint16(6, id.length, true);
  header.setUint32(8, samples, true);
  header.setUint32(12, tags, true);
  new Uint8Array(buffer, HEADER_BYTES, id.length).set(id);
  const { t, values, quality } = layout(buffer, padTo8(id.length), samples, tags);
  t.set(batch.t);
  for (let k = 0; k < tags; k++) {
    const column = batch.values[k]!;
    const codes = batch.quality[k]!;
    if (column.length !== samples || codes.length !== samples)
      throw new TelemetryFrameError(`tag ${k} has ${column.length} values for ${samples} samples`);
    const at = k * samples;
    for (let s = 0; s < samples; s++) {
      const v = column[s];
      // Not finite: JSON carried such values as null, i.e. missing.
      values[at + s] = v === null || v === undefined || !Number.isFinite(v) ? Number.NaN : v;
      quality[at + s] = codes[s]!;
    }
  }
  return buffer;
}

function layout(buffer: ArrayBuffer, idBytes: number, samples: number, tags: number) {
  const tAt = HEADER_BYTES + idBytes;
  const valuesAt = tAt + samples * 8;
  const qualityAt = valuesAt + padTo8(tags * samples * 4);
  return {
    t: new Float64Array(buffer, tAt, samples),
    values: new Float32Array(buffer, valuesAt, tags * samples),
    quality: new Uint8Array(buffer, qualityAt, tags * samples),
  };
}

/** Reads a frame; throws a TelemetryFrameError naming the problem. A misaligned view is copied first. */
export function decodeTelemetryFrame(data: ArrayBuffer | ArrayBufferView): TelemetryFrame {
  const buffer = ownBuffer(data);
  if (buffer.byteLength < HEADER_BYTES)
    throw new TelemetryFrameError(
      `${buffer.byteLength} bytes is shorter than the ${HEADER_BYTES}-byte header`,
    );
  const header = new DataView(buffer);
  if (header.getUint32(0, true) !== MAGIC)
    throw new TelemetryFrameError('wrong magic (not a telemetry frame)');
  const version = header.getUint16(4, true);
  if (version !== TELEMETRY_FRAME_VERSION)
    throw new TelemetryFrameError(`version ${version}, this client reads ${TELEMETRY_FRAME_VERSION}`);
  const idBytes = header.getUint16(6, true);
  const samples = header.getUint32(8, true);
  const tags = header.getUint32(12, true);
  const expected = frameBytes(idBytes, samples, tags);
  if (buffer.byteLength !== expected)
    throw new TelemetryFrameError(
      `${samples} samples of ${tags} tags need ${expected} bytes, the frame has ${buffer.byteLength}`,
    );
  let assetId: string;
  try {
    assetId = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buffer, HEADER_BYTES, idBytes));
  } catch {
    throw new TelemetryFrameError('asset id is not UTF-8');
  }
  return { assetId, samples, tags, ...layout(buffer, padTo8(idBytes), samples, tags) };
}

/** The whole buffer of `data`, copied when it is a view into a larger or misaligned one. */
function ownBuffer(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (!ArrayBuffer.isView(data)) return data;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

/** The batch a frame holds (missing values as null), e.g. for code that still reads batches. */
export function telemetryBatchOf(frame: TelemetryFrame): TelemetryBatch {
  const { samples, tags } = frame;
  const values: (number | null)[][] = [];
  const quality: number[][] = [];
  for (let k = 0; k < tags; k++) {
    const at = k * samples;
    values.push(Array.from(frame.values.subarray(at, at + samples), (v) => (Number.isNaN(v) ? null : v)));
    quality.push(Array.from(frame.quality.subarray(at, at + samples)));
  }
  return { assetId: frame.assetId, t: Array.from(frame.t), values, quality };
}
