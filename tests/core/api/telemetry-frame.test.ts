import { describe, expect, it, vi } from 'vitest';
import {
  decodeTelemetryFrame,
  encodeTelemetryFrame,
  telemetryBatchOf,
  TelemetryFrameError,
} from '../../../core/api/telemetry-frame';
import type { TelemetryBatch } from '../../../core/api/types';
import type { TwinClientEvent } from '../../../core/api/client-events';
import { readServerMessage, type Pending } from '../../../renderer/src/api/server-message';
import { TelemetryRing } from '../../../renderer/src/state/telemetry-ring';

const roundTrip = (b: TelemetryBatch) => telemetryBatchOf(decodeTelemetryFrame(encodeTelemetryFrame(b)));

/** Float32 values (what the ring stores) at the edges of the range, missing ones, every quality code. */
const EXTREME: TelemetryBatch = {
  assetId: 'pump-skid ∆',
  t: [0, 1_700_000_000_123.5, Number.MAX_SAFE_INTEGER],
  values: [
    [3.4028234663852886e38, -3.4028234663852886e38, 1.401298464324817e-45],
    [null, 0, -0],
    [Math.fround(1.2345), null, null],
  ],
  quality: [
    [0, 255, 3],
    [3, 0, 1],
    [2, 3, 3],
  ],
};

describe('telemetry frame round trip', () => {
  it.each<[string, TelemetryBatch]>([
    ['extreme values, missing values and quality codes', EXTREME],
    ['no samples', { assetId: 'pump-skid', t: [], values: [[], []], quality: [[], []] }],
    ['no tags', { assetId: 'x', t: [5], values: [], quality: [] }],
    ['an empty asset id', { assetId: '', t: [1], values: [[2]], quality: [[0]] }],
  ])('is exact with %s', (_, batch) => {
    expect(roundTrip(batch)).toEqual(batch);
  });

  it('keeps -0 and reads views at any offset', () => {
    const bytes = new Uint8Array(encodeTelemetryFrame(EXTREME));
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const frame = decodeTelemetryFrame(shifted.subarray(3));
    expect(Object.is(frame.values[1 * 3 + 2], -0)).toBe(true);
    expect(telemetryBatchOf(frame)).toEqual(EXTREME);
  });

  it('writes a frame into the ring as the batch would', () => {
    const viaFrame = new TelemetryRing(3, 4);
    const viaBatch = new TelemetryRing(3, 4);
    viaFrame.pushFrame(decodeTelemetryFrame(encodeTelemetryFrame(EXTREME)));
    viaBatch.push(EXTREME);
    expect(viaFrame).toEqual(viaBatch);
  });
});

describe('malformed telemetry frames', () => {
  const good = () => encodeTelemetryFrame(EXTREME);
  const edit = (at: number, write: (v: DataView) => void): ArrayBuffer => {
    const b = good();
    write(new DataView(b, at));
    return b;
  };

  it.each<[string, () => ArrayBuffer, RegExp]>([
    ['a truncated header', () => good().slice(0, 10), /10 bytes is shorter than the 16-byte header/],
    [
      'a truncated body',
      () => good().slice(0, good().byteLength - 1),
      /3 samples of 3 tags need \d+ bytes, the frame has \d+/,
    ],
    [
      'trailing bytes',
      () => {
        const b = new Uint8Array(good().byteLength + 8);
        b.set(new Uint8Array(good()));
        return b.buffer;
      },
      /need \d+ bytes, the frame has \d+/,
    ],
    ['a wrong magic', () => edit(0, (v) => v.setUint32(0, 0x12345678, true)), /wrong magic/],
    ['a wrong version', () => edit(4, (v) => v.setUint16(0, 9, true)), /version 9, this client reads 1/],
    [
      'a sample count that does not add up',
      () => edit(8, (v) => v.setUint32(0, 4, true)),
      /4 samples of 3 tags need/,
    ],
    [
      'a tag count that does not add up',
      () => edit(12, (v) => v.setUint32(0, 0xffffffff, true)),
      /4294967295 tags need/,
    ],
  ])('names %s', (_, frame, message) => {
    expect(() => decodeTelemetryFrame(frame())).toThrow(TelemetryFrameError);
    expect(() => decodeTelemetryFrame(frame())).toThrow(message);
  });

  it('rejects a batch whose columns do not match its samples', () => {
    expect(() => encodeTelemetryFrame({ assetId: 'a', t: [1, 2], values: [[1]], quality: [[0, 0]] })).toThrow(
      /tag 0 has 1 values for 2 samples/,
    );
  });

  it('reach the WebSocket client as an error notice, and later frames still arrive', () => {
    const events: TwinClientEvent[] = [];
    const pending = new Map<number, Pending>();
    expect(() => readServerMessage(good().slice(0, 20), pending, (e) => events.push(e))).not.toThrow();
    readServerMessage(good(), pending, (e) => events.push(e));
    expect(events[0]).toEqual({
      type: 'notice',
      level: 'error',
      message: expect.stringMatching(/^bad telemetry frame: .*need \d+ bytes/),
    });
    expect(events[1]?.type).toBe('telemetry');
  });

  it('WebSocket text messages stay JSON results and events', () => {
    const events: TwinClientEvent[] = [];
    const resolve = vi.fn();
    const pending = new Map<number, Pending>([[7, { resolve, reject: vi.fn() }]]);
    readServerMessage(
      JSON.stringify({ kind: 'result', id: 7, result: { ok: true, value: 42 } }),
      pending,
      (e) => events.push(e),
    );
    readServerMessage(
      JSON.stringify({ kind: 'event', event: { type: 'notice', level: 'info', message: 'hi' } }),
      pending,
      (e) => events.push(e),
    );
    expect(resolve).toHaveBeenCalledWith(42);
    expect(events).toEqual([{ type: 'notice', level: 'info', message: 'hi' }]);
  });
});
