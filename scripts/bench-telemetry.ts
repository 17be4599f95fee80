// Benchmarks one telemetry batch on its way from the backend to the renderer's ring:
// `npm run bench:telemetry -- [--batches N]`. Encode = the backend's batcher plus serialisation for the
// transport; decode = the renderer's parse plus the write into TelemetryRing. Sizes are what crosses.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { decodeTelemetryFrame, encodeTelemetryFrame } from '../core/api/telemetry-frame';
import { parseServerMessage } from '../core/api/wire';
import type { TelemetryBatch, TwinEvent } from '../core/api/types';
import { parseAssetJson } from '../core/asset/parse';
import { TelemetryBatcher } from '../electron/services/telemetry-batcher';
import { TelemetryRing } from '../renderer/src/state/telemetry-ring';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const BATCHES = arg('batches', 2000);

const assetFile = path.resolve(__dirname, '../assets/pump-skid/asset.json');
const parsed = parseAssetJson(fs.readFileSync(assetFile, 'utf8'), assetFile);
if (!parsed.ok) throw new Error('asset does not parse');
const asset = parsed.asset;
const TAGS = asset.tags.length;

/** Samples as the simulator hands them over: values inside each tag's normal band, 2 % missing. */
function samples(count: number, seed: number): { t: number; values: Float32Array; quality: Uint8Array }[] {
  let s = seed >>> 0;
  const rand = () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => {
    const values = new Float32Array(TAGS);
    const quality = new Uint8Array(TAGS);
    asset.tags.forEach((tag, k) => {
      const missing = rand() < 0.02;
      values[k] = missing ? Number.NaN : tag.normal[0] + rand() * (tag.normal[1] - tag.normal[0]);
      quality[k] = missing ? 3 : 0;
    });
    return { t: Date.UTC(2024, 0, 1) + i * 1000, values, quality };
  });
}

function batchOf(input: ReturnType<typeof samples>): TelemetryBatch {
  const batcher = new TelemetryBatcher(asset.id, TAGS);
  for (const x of input) batcher.add(x.t, x.values, x.quality);
  return batcher.take();
}

type Payload = string | Uint8Array | ArrayBuffer;

interface WirePath {
  name: string;
  /** Backend: samples → what the transport sends. */
  encode(input: ReturnType<typeof samples>): Payload;
  /** Renderer: what arrived → the ring. */
  decode(payload: Payload, ring: TelemetryRing): void;
}

const bytesOf = (payload: Payload): number =>
  typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;

/** Before the binary frames: JSON text on the WebSocket. */
const jsonWebSocket: WirePath = {
  name: 'JSON over WebSocket (old)',
  encode: (input) => JSON.stringify({ kind: 'event', event: { type: 'telemetry', batch: batchOf(input) } }),
  decode: (payload, ring) => {
    const m = parseServerMessage(String(payload));
    if (!m.ok || m.message.kind !== 'event') throw new Error('bad message');
    // As the WebSocket client does: the backend's events are trusted to be TwinEvents.
    const event = m.message.event as TwinEvent;
    if (event.type === 'telemetry') ring.push(event.batch);
  },
};

/** Before: Electron IPC cloned the batch's arrays; v8's serializer is that structured clone. */
const cloneIpc: WirePath = {
  name: 'clone of arrays, IPC (old)',
  encode: (input) => serialize(batchOf(input)),
  decode: (payload, ring) => ring.push(deserialize(payload as Uint8Array) as TelemetryBatch),
};

/** What both transports send now: one binary frame (a WebSocket binary message, an IPC ArrayBuffer). */
const binaryFrame: WirePath = {
  name: 'binary frame (WS and IPC)',
  encode: (input) => encodeTelemetryFrame(batchOf(input)),
  decode: (payload, ring) => ring.pushFrame(decodeTelemetryFrame(payload as ArrayBuffer)),
};

/** IPC also clones the frame: an ArrayBuffer is one memcpy, measured with the same serializer. */
const binaryIpc: WirePath = {
  name: 'binary frame cloned (IPC)',
  encode: (input) => serialize(encodeTelemetryFrame(batchOf(input))),
  decode: (payload, ring) =>
    ring.pushFrame(decodeTelemetryFrame(deserialize(payload as Uint8Array) as ArrayBuffer)),
};

function measure(wire: WirePath, perBatch: number): { encodeUs: number; decodeUs: number; bytes: number } {
  const inputs = Array.from({ length: 64 }, (_, i) => samples(perBatch, i + 1));
  const ring = new TelemetryRing(TAGS, 3600);
  let encodeMs = 0;
  let decodeMs = 0;
  let bytes = 0;
  const runs = Math.max(50, Math.round(BATCHES / Math.sqrt(perBatch)));
  for (let r = -10; r < runs; r++) {
    const input = inputs[(r + 10) % inputs.length]!;
    const t0 = performance.now();
    const payload = wire.encode(input);
    const t1 = performance.now();
    wire.decode(payload, ring);
    const t2 = performance.now();
    if (r < 0) continue; // warm-up
    encodeMs += t1 - t0;
    decodeMs += t2 - t1;
    bytes = bytesOf(payload);
  }
  return { encodeUs: (encodeMs / runs) * 1000, decodeUs: (decodeMs / runs) * 1000, bytes };
}

console.log(`pump skid: ${TAGS} tags; ${BATCHES} batches per case (fewer for large batches)`);
for (const perBatch of [1, 100]) {
  for (const wire of [jsonWebSocket, cloneIpc, binaryFrame, binaryIpc]) {
    const r = measure(wire, perBatch);
    console.log(
      `${String(perBatch).padStart(3)} samples/batch · ${wire.name.padEnd(26)} encode ${r.encodeUs.toFixed(1).padStart(7)} µs · decode into ring ${r.decodeUs.toFixed(1).padStart(7)} µs · ${String(r.bytes).padStart(6)} bytes`,
    );
  }
}
