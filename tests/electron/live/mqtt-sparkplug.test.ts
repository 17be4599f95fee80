// Sparkplug B through a real Mosquitto broker: births, aliases, deaths, sequence numbers and rebirth requests.
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TagBinding } from '../../../core/asset/sources-schema';
import type { Connector } from '../../../electron/services/live/connector';
import { createMqttConnector } from '../../../electron/services/live/mqtt/mqtt-connector';
import { mosquittoSkipReason, startMosquitto, type Mosquitto } from '../../support/mosquitto';
import { mqttTestContext } from '../../support/mqtt-context';
import { listen, testClient, type ReceivedMessage } from '../../support/mqtt-test-client';
import { byAlias, commandsIn, double, TestEdgeNode } from '../../support/sparkplug-edge';

const skip = mosquittoSkipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 10_000, interval: 20 };
const GROUP = 'plant';
const T0 = Date.UTC(2024, 0, 1);
const REBIRTH = [['Node Control/Rebirth', true]];

describe.skipIf(skip !== null)('Sparkplug B connector against mosquitto', () => {
  let broker: Mosquitto;
  let plant: MqttClient;
  let commandListener: MqttClient;
  let commands: ReceivedMessage[];
  const running: Connector[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
    plant = await testClient(broker.url);
    commandListener = await testClient(broker.url);
    commands = await listen(commandListener, `spBv1.0/${GROUP}/NCMD/+`);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    commands.length = 0;
  });
  afterAll(async () => {
    await plant?.endAsync();
    await commandListener?.endAsync();
    await broker?.dispose();
  });

  async function connected(bindings: Omit<Partial<TagBinding>, 'connection'>[]) {
    const context = mqttTestContext({
      connection: { url: broker.url, payload: 'sparkplug', sparkplugGroup: GROUP },
      bindings,
    });
    const before = broker.subscriptionCount(`spBv1.0/${GROUP}/#`);
    const connector = createMqttConnector(context);
    running.push(connector);
    connector.start();
    await broker.waitForSubscription(`spBv1.0/${GROUP}/#`, before + 1);
    return context.sink;
  }

  it('reads births and data by alias: metric or payload timestamps, is_null, NaN, Int64 and strings as sent', async () => {
    const sink = await connected([
      { edgeNode: 'n1', metric: 'Pressure' },
      { edgeNode: 'n1', metric: 'Count' },
      { edgeNode: 'n1', device: 'pump', metric: 'Speed' },
      { edgeNode: 'n1', metric: 'Label' },
    ]);
    const node = new TestEdgeNode(plant, GROUP, 'n1');
    await node.send('NBIRTH', {
      timestamp: T0,
      seq: 0,
      metrics: [
        { name: 'bdSeq', type: 'UInt64', value: 0 },
        { name: 'Node Control/Rebirth', type: 'Boolean', value: false },
        double('Pressure', 1, 1.5, T0 + 1),
        { name: 'Count', alias: 2, type: 'Int64', value: 2 ** 40 },
        { name: 'Label', alias: 3, type: 'String', value: '12.5' },
        double('Other', 9, 0),
      ],
    });
    await node.send('DBIRTH', { timestamp: T0 + 2, seq: 1, metrics: [double('Speed', 10, 100)] }, 'pump');
    await node.send('NDATA', {
      timestamp: T0 + 3,
      seq: 2,
      metrics: [{ ...byAlias(1, Number.NaN), timestamp: T0 + 4 }, byAlias(2, null, 'Int64')],
    });
    await node.send('DDATA', { timestamp: T0 + 5, seq: 3, metrics: [byAlias(10, 101)] }, 'pump');
    await vi.waitFor(() => expect(sink.values).toHaveLength(7), WAIT);
    const seen = (index: number) => sink.valuesOf(index).map((v) => [v.raw, v.sourceTs]);
    expect(seen(0)).toEqual([
      [1.5, T0 + 1],
      [Number.NaN, T0 + 4],
    ]);
    expect(seen(1)).toEqual([
      [2 ** 40, T0],
      [null, T0 + 3],
    ]);
    expect(seen(2)).toEqual([
      [100, T0 + 2],
      [101, T0 + 5],
    ]);
    expect(seen(3)).toEqual([['12.5', T0]]);
    expect(sink.unknownMetrics).toEqual(['edge node n1: metric "Other" is not bound to any tag']);
    expect(sink.messages).toBe(4);
    expect(sink.problems).toEqual([]);
    // Barrier: a gap now asks for a rebirth; it must be the only command the broker relayed so far.
    await node.send('NDATA', { seq: 9, metrics: [] });
    await vi.waitFor(() => expect(commands).toHaveLength(1), WAIT);
    expect(sink.problems).toEqual(['edge node n1: sequence jumped from 3 to 9; asked for a rebirth']);
  });

  it('turns bindings stale on NDEATH (devices included) and DDEATH, ignoring the late will of an old birth', async () => {
    const sink = await connected([
      { edgeNode: 'n2', metric: 'A' },
      { edgeNode: 'n2', device: 'd1', metric: 'B' },
      { edgeNode: 'n2', device: 'd2', metric: 'C' },
    ]);
    const node = new TestEdgeNode(plant, GROUP, 'n2');
    const bdSeq = (value: number) => ({ name: 'bdSeq', type: 'UInt64' as const, value });
    await node.send('NBIRTH', { seq: 0, metrics: [bdSeq(5), double('A', 1, 1)] });
    await node.send('DBIRTH', { seq: 1, metrics: [double('B', 2, 2)] }, 'd1');
    await node.send('DDEATH', { seq: 2 }, 'd1');
    await node.send('NDEATH', { metrics: [bdSeq(4)] });
    await node.send('NDEATH', { metrics: [bdSeq(5)] });
    await vi.waitFor(() => expect(sink.stales).toHaveLength(2), WAIT);
    expect(sink.stales).toEqual([
      { indexes: [1], reason: 'device n2/d1 died (DDEATH)' },
      { indexes: [0, 1, 2], reason: 'edge node n2 died (NDEATH)' },
    ]);
    expect(sink.messages).toBe(5);
  });

  it('asks for a rebirth when DDATA comes before its DBIRTH', async () => {
    const sink = await connected([{ edgeNode: 'n3', device: 'pump', metric: 'Speed' }]);
    const node = new TestEdgeNode(plant, GROUP, 'n3');
    await node.send('NBIRTH', { seq: 0, metrics: [] });
    await node.send('DDATA', { seq: 1, metrics: [byAlias(1, 5)] }, 'pump');
    await vi.waitFor(
      () => expect(commandsIn(commands)).toEqual([{ topic: 'spBv1.0/plant/NCMD/n3', metrics: REBIRTH }]),
      WAIT,
    );
    expect(sink.problems).toEqual(['device n3/pump sent DDATA before its DBIRTH; asked for a rebirth']);
    expect(sink.values).toEqual([]);
  });

  it('asks for a rebirth when NDATA comes before any NBIRTH', async () => {
    const sink = await connected([{ edgeNode: 'n4', metric: 'A' }]);
    await new TestEdgeNode(plant, GROUP, 'n4').send('NDATA', { seq: 7, metrics: [byAlias(1, 5)] });
    await vi.waitFor(
      () => expect(commandsIn(commands)).toEqual([{ topic: 'spBv1.0/plant/NCMD/n4', metrics: REBIRTH }]),
      WAIT,
    );
    expect(sink.problems).toEqual(['edge node n4 sent NDATA before its NBIRTH; asked for a rebirth']);
  });

  it('asks for a rebirth when an alias was never born, and still reads the aliases it knows', async () => {
    const sink = await connected([{ edgeNode: 'n5', metric: 'A' }]);
    const node = new TestEdgeNode(plant, GROUP, 'n5');
    await node.send('NBIRTH', { seq: 0, metrics: [double('A', 1, 1)] });
    await node.send('NDATA', { seq: 1, metrics: [byAlias(1, 2), byAlias(42, 3)] });
    await vi.waitFor(() => expect(commands).toHaveLength(1), WAIT);
    expect(commandsIn(commands)[0]?.metrics).toEqual(REBIRTH);
    expect(sink.unknownMetrics).toEqual([
      'edge node n5: alias 42 in NDATA was never born; asked for a rebirth',
    ]);
    expect(sink.valuesOf(0).map((v) => v.raw)).toEqual([1, 2]);
  });

  it('asks for a rebirth when the sequence number jumps, across the 255 → 0 wrap', async () => {
    const sink = await connected([{ edgeNode: 'n6', metric: 'A' }]);
    const node = new TestEdgeNode(plant, GROUP, 'n6');
    await node.send('NBIRTH', { seq: 254, metrics: [double('A', 1, 1)] });
    await node.send('NDATA', { seq: 255, metrics: [byAlias(1, 2)] });
    await node.send('NDATA', { seq: 0, metrics: [byAlias(1, 3)] });
    await node.send('NDATA', { seq: 3, metrics: [byAlias(1, 4)] });
    await vi.waitFor(() => expect(commands).toHaveLength(1), WAIT);
    expect(sink.problems).toEqual(['edge node n6: sequence jumped from 0 to 3; asked for a rebirth']);
    expect(sink.valuesOf(0).map((v) => v.raw)).toEqual([1, 2, 3, 4]);
  });

  it('names the topic of a payload that is not protobuf, and reports an unbound edge node once without asking it anything', async () => {
    const sink = await connected([{ edgeNode: 'n7', metric: 'A' }]);
    await new TestEdgeNode(plant, GROUP, 'n7').sendRaw('NDATA', '{"A": 1}');
    const stranger = new TestEdgeNode(plant, GROUP, 'stranger');
    await stranger.send('NDATA', { seq: 3, metrics: [byAlias(1, 1)] });
    await stranger.send('NDATA', { seq: 9, metrics: [byAlias(1, 1)] });
    await vi.waitFor(() => expect(sink.messages).toBe(3), WAIT);
    expect(sink.badPayloads).toHaveLength(1);
    expect(sink.badPayloads[0]).toMatch(
      /^payload at spBv1\.0\/plant\/NDATA\/n7 is not a Sparkplug B \(protobuf\) payload: /,
    );
    expect(sink.unknownMetrics).toEqual(['edge node stranger is not bound to any tag']);
    // Barrier: n7 sending data before its birth is asked for a rebirth; the stranger must not have been.
    await new TestEdgeNode(plant, GROUP, 'n7').send('NDATA', { seq: 0, metrics: [] });
    await vi.waitFor(() => expect(commands).toHaveLength(1), WAIT);
    expect(commands[0]?.topic).toBe('spBv1.0/plant/NCMD/n7');
  });
});
