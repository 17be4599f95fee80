import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TelemetryBatch } from '../../../core/api/types';
import { parseAsset } from '../../../core/asset/parse';
import { Quality } from '../../../core/data/quality';
import type { Connector, ConnectorContext } from '../../../electron/services/live/connector';
import { LiveSources, type LiveAsset } from '../../../electron/services/live/live-sources';
import { environmentSecrets } from '../../../electron/services/live/secrets';

/** The pump skid bound to one OPC UA connection; the connector is driven by the test through its sink. */
function liveSkid(): LiveAsset {
  const raw = JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as Record<string, unknown>;
  const r = parseAsset({
    ...raw,
    sources: {
      connections: [
        { id: 'plc', kind: 'opcua', url: 'opc.tcp://127.0.0.1:4840', passwordEnv: 'PLC_PASSWORD' },
      ],
      bindings: [
        { tag: 'discharge_pressure', connection: 'plc', nodeId: 'ns=1;s=PT102', unit: 'kPa', staleAfterS: 2 },
        { tag: 'motor_speed', connection: 'plc', nodeId: 'ns=1;s=SE101' },
      ],
      writes: [
        { control: 'speed_setpoint', connection: 'plc', nodeId: 'ns=1;s=SP', writable: true },
        { control: 'valve_setpoint', connection: 'plc', nodeId: 'ns=1;s=XV' },
      ],
      reorderWindowMs: 0,
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.asset as LiveAsset;
}

function setUp() {
  let now = 1_000_000;
  const batches: TelemetryBatch[] = [];
  const writes: [string, number][] = [];
  let context: ConnectorContext | null = null;
  const connector: Connector = {
    start: () => context?.sink.state('connected'),
    stop: async () => undefined,
    write: async (w, value) => void writes.push([w.control, value]),
    trust: async () => undefined,
  };
  const asset = liveSkid();
  const sources = new LiveSources({
    asset,
    assetDir: '.',
    dataDir: '.',
    secrets: environmentSecrets({ PLC_PASSWORD: 's3cret' }),
    factories: {
      opcua: (c) => ((context = c), connector),
      mqtt: () => {
        throw new Error('no MQTT here');
      },
    },
    onTelemetry: (b) => batches.push(b),
    onAlarms: () => undefined,
    now: () => now,
  });
  sources.startAll();
  const tagIndex = (id: string) => asset.tags.findIndex((t) => t.id === id);
  return {
    sources,
    batches,
    writes,
    ctx: () => context!,
    advance: (ms: number) => {
      now += ms;
      sources.tick();
    },
    column: (batch: TelemetryBatch, id: string) => batch.values[tagIndex(id)]!,
    quality: (batch: TelemetryBatch, id: string) => batch.quality[tagIndex(id)]!,
    now: () => now,
  };
}

describe('live pipeline', () => {
  it('hands the connector its bindings and the password from the environment, never the file', () => {
    const t = setUp();
    expect(t.ctx().password).toBe('s3cret');
    expect(t.ctx().bindings.map((b) => b.binding.tag)).toEqual(['discharge_pressure', 'motor_speed']);
    expect(t.ctx().writes.map((w) => w.control)).toEqual(['speed_setpoint']);
    expect(t.sources.snapshot('live').connections[0]).toMatchObject({
      state: 'connected',
      url: 'opc.tcp://127.0.0.1:4840',
    });
  });

  it('converts units, keeps source timestamps and sends rows that never replace history', () => {
    const t = setUp();
    t.ctx().sink.value(0, 450, 5000, 'good');
    t.ctx().sink.value(1, 1480, 5000, 'good');
    t.advance(10);
    const batch = t.batches[0]!;
    expect(batch.t).toEqual([5000]);
    expect(batch.keepHistory).toBe(true);
    expect(t.column(batch, 'discharge_pressure')).toEqual([4.5]);
    expect(t.column(batch, 'motor_speed')).toEqual([1480]);
  });

  it('refuses a number sent as a string, naming the tag and node, and counts it', () => {
    const t = setUp();
    t.ctx().sink.value(0, '4.5', null, 'good');
    t.ctx().sink.value(1, 1480, null, 'good');
    t.advance(10);
    const snapshot = t.sources.snapshot('live');
    expect(snapshot.connections[0]!.badPayloads).toBe(1);
    expect(snapshot.connections[0]!.recentProblems[0]!.message).toBe(
      'tag PT102: value at OPC UA ns=1;s=PT102 is a string ("4.5"), not a number',
    );
    expect(snapshot.tags[0]).toMatchObject({
      tagId: 'discharge_pressure',
      lastValueAt: null,
      problem: expect.any(String),
    });
    expect(t.column(t.batches[0]!, 'motor_speed')).toEqual([1480]);
  });

  it('flags bad-at-source and uncertain values, and stale tags once they fall silent', () => {
    const t = setUp();
    t.ctx().sink.value(0, null, 1000, 'bad');
    t.ctx().sink.value(1, 1500, 1000, 'uncertain');
    t.advance(10);
    expect(t.quality(t.batches[0]!, 'discharge_pressure')).toEqual([Quality.sourceBad]);
    expect(t.quality(t.batches[0]!, 'motor_speed')).toEqual([Quality.uncertain]);
    t.advance(2500);
    const heartbeat = t.batches.at(-1)!;
    expect(t.quality(heartbeat, 'discharge_pressure')).toEqual([Quality.stale]);
    expect(t.sources.snapshot('live').tags[0]!.stale).toBe(true);
  });

  it('stores a late value at its own time without showing it to the live view', () => {
    const t = setUp();
    t.ctx().sink.value(1, 1480, 3000, 'good');
    t.advance(10);
    t.ctx().sink.value(1, 1470, 2000, 'good');
    t.advance(10);
    const late = t.batches.at(-1)!;
    expect(late).toMatchObject({ late: true, keepHistory: true, t: [2000] });
  });

  it('warns when the source clock is far from the host clock', () => {
    const t = setUp();
    t.ctx().sink.value(1, 1480, t.now() - 3_600_000, 'good');
    expect(t.sources.snapshot('live').clockSkewWarning).toMatch(
      /source clocks are 60 min behind this computer's/,
    );
  });

  it('writes only controls the asset marks writable', async () => {
    const t = setUp();
    await t.sources.write('speed_setpoint', 45);
    expect(t.writes).toEqual([['speed_setpoint', 45]]);
    await expect(t.sources.write('valve_setpoint', 50)).rejects.toThrow(
      /control "valve_setpoint" is read-only/,
    );
  });
});
