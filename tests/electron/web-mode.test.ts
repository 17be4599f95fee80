import { describe, expect, it } from 'vitest';
import { parseWebOptions } from '../../electron/web/web-options';
import { isAllowedOrigin } from '../../electron/web/access';
import { TelemetryBatcher, mergeBatches } from '../../electron/services/telemetry-batcher';

describe('web-mode options', () => {
  it('binds to 127.0.0.1 by default and honours TWINSCAPE_PORT', () => {
    expect(parseWebOptions([], {})).toEqual({ host: '127.0.0.1', port: 5190, connectionOverrides: {} });
    expect(parseWebOptions([], { TWINSCAPE_PORT: '6000' }).port).toBe(6000);
    expect(parseWebOptions(['--port', '0', '--host', 'localhost'], {})).toEqual({
      host: 'localhost',
      port: 0,
      connectionOverrides: {},
    });
  });

  it("takes the asset file and connection addresses that replace the file's", () => {
    const options = parseWebOptions(
      [
        '--asset',
        'assets/skab-testbed/asset.json',
        '--connection',
        'testbed-broker=mqtt://10.0.0.5:1884',
        '--connection',
        'plc=opc.tcp://10.0.0.9:4840',
      ],
      {},
    );
    expect(options.assetPath).toBe('assets/skab-testbed/asset.json');
    expect(options.connectionOverrides).toEqual({
      'testbed-broker': 'mqtt://10.0.0.5:1884',
      plc: 'opc.tcp://10.0.0.9:4840',
    });
    expect(() => parseWebOptions(['--connection', 'broker'], {})).toThrow(/--connection needs name=url/);
    expect(() => parseWebOptions(['--connection', 'a=mqtt://x', '--connection', 'a=mqtt://y'], {})).toThrow(
      /given twice/,
    );
  });

  it('rejects a bad port or speed, naming the value', () => {
    expect(() => parseWebOptions(['--port', 'eighty'], {})).toThrow(
      /port must be an integer 0-65535, got "NaN"/,
    );
    expect(() => parseWebOptions(['--speed', '5000'], {})).toThrow(
      /speed must be between 1 and 1000, got "5000"/,
    );
    expect(() => parseWebOptions(['--port'], {})).toThrow(/--port needs a value/);
  });
});

describe('WebSocket origin check', () => {
  it('admits only pages served from an allowed host, not whatever the Host header says', () => {
    const allowed = new Set(['127.0.0.1:5190', 'localhost:5190']);
    expect(isAllowedOrigin('http://127.0.0.1:5190', allowed)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5190', allowed)).toBe(true);
    expect(isAllowedOrigin('http://evil.example:5190', allowed)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', allowed)).toBe(false);
    expect(isAllowedOrigin(undefined, allowed)).toBe(false);
    expect(isAllowedOrigin('not a url', allowed)).toBe(false);
  });
});

describe('telemetry batches', () => {
  it('keeps missing values as null and coalesces batches for a slow client', () => {
    const batcher = new TelemetryBatcher('pump-skid', 2);
    batcher.add(1000, Float32Array.of(1.5, Number.NaN), Uint8Array.of(0, 3));
    const a = batcher.take();
    batcher.add(2000, Float32Array.of(2.5, 7), Uint8Array.of(0, 0));
    const b = batcher.take();
    expect(a.values).toEqual([[1.5], [null]]);
    const merged = mergeBatches(a, b);
    expect(merged.t).toEqual([1000, 2000]);
    expect(merged.values).toEqual([
      [1.5, 2.5],
      [null, 7],
    ]);
    expect(merged.quality).toEqual([
      [0, 0],
      [3, 0],
    ]);
  });
});
