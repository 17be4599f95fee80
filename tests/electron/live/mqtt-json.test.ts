// MQTT JSON topics through a real Mosquitto broker: values, timestamps, bad payloads, sessions and writes.
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../../../electron/services/live/connector';
import { createMqttConnector } from '../../../electron/services/live/mqtt/mqtt-connector';
import { mosquittoSkipReason, startMosquitto, type Mosquitto } from '../../support/mosquitto';
import { mqttTestContext, type MqttTestSetup } from '../../support/mqtt-context';
import { listen, testClient } from '../../support/mqtt-test-client';

const skip = mosquittoSkipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 10_000, interval: 20 };

describe.skipIf(skip !== null)('MQTT JSON connector against mosquitto', () => {
  let broker: Mosquitto;
  let plant: MqttClient;
  const running: Connector[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
    plant = await testClient(broker.url);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await plant?.endAsync();
    await broker?.dispose();
  });

  async function connected(setup: Omit<MqttTestSetup, 'connection'> & { clientId?: string }) {
    const context = mqttTestContext({
      ...setup,
      connection: { url: broker.url, ...(setup.clientId ? { clientId: setup.clientId } : {}) },
    });
    const topics = [...new Set(setup.bindings.flatMap((b) => (b.topic ? [b.topic] : [])))];
    const before = topics.map((topic) => broker.subscriptionCount(topic));
    const connector = createMqttConnector(context);
    running.push(connector);
    connector.start();
    await vi.waitFor(() => expect(context.sink.lastState?.state).toBe('connected'), WAIT);
    await Promise.all(topics.map((topic, i) => broker.waitForSubscription(topic, (before[i] ?? 0) + 1)));
    return { connector, sink: context.sink };
  }

  const publish = (topic: string, payload: string | Buffer, qos: 0 | 1 = 1) =>
    plant.publishAsync(topic, payload, { qos });

  it('feeds several bindings from one payload, with number and ISO-8601 timestamps', async () => {
    const { sink } = await connected({
      bindings: [
        { topic: 'plant/pump', value: '/pressure', timestamp: '/ts' },
        { topic: 'plant/pump', value: '/temps/1', timestamp: '/time' },
        { topic: 'plant/flow' },
      ],
    });
    await publish(
      'plant/pump',
      JSON.stringify({
        pressure: 4.2,
        temps: [20, 61.5],
        ts: 1_700_000_000_123,
        time: '2024-05-01T12:00:00.250Z',
      }),
    );
    await publish('plant/flow', '17.25');
    await vi.waitFor(() => expect(sink.values).toHaveLength(3), WAIT);
    expect(sink.valuesOf(0)[0]).toMatchObject({ raw: 4.2, sourceTs: 1_700_000_000_123, quality: 'good' });
    expect(sink.valuesOf(1)[0]).toMatchObject({ raw: 61.5, sourceTs: Date.UTC(2024, 4, 1, 12, 0, 0, 250) });
    expect(sink.valuesOf(2)[0]).toMatchObject({ raw: 17.25, sourceTs: null });
    expect(sink.messages).toBe(2);
    expect(sink.badPayloads).toEqual([]);
  });

  it('names the topic of malformed JSON; strings, missing values and 1e999 (Infinity) reach the sink as sent', async () => {
    const { sink } = await connected({
      bindings: [{ topic: 'plant/a', value: '/v', timestamp: '/ts' }],
    });
    await publish('plant/a', '{"v": 1.5,');
    await publish('plant/a', '{"v": "12.5", "ts": 1700000000000}');
    await publish('plant/a', '{"other": 1, "ts": 1700000000000}');
    await publish('plant/a', '{"v": 3, "ts": "yesterday"}');
    await publish('plant/a', '{"v": 1e999, "ts": 1700000000000}');
    await vi.waitFor(() => expect(sink.values).toHaveLength(4), WAIT);
    expect(sink.badPayloads[0]).toMatch(/^payload at plant\/a is not JSON: /);
    expect(sink.values.map((v) => v.raw)).toEqual(['12.5', undefined, 3, Infinity]);
    expect(sink.values[2]?.sourceTs).toBeNull();
    expect(sink.badPayloads[1]).toBe(
      'payload at plant/a: timestamp /ts is "yesterday", not ms since the epoch or an ISO-8601 time with a zone ' +
        '("2024-05-01T12:00:00Z"); used the arrival time',
    );
    expect(sink.messages).toBe(5);
  });

  it('refuses a 10 MB payload before parsing it while other topics keep flowing', async () => {
    const { sink } = await connected({
      bindings: [
        { topic: 'plant/big', value: '/v' },
        { topic: 'plant/ok', value: '/v' },
      ],
    });
    const huge = Buffer.alloc(10 * 1024 * 1024, 0x20);
    await publish('plant/big', huge);
    await publish('plant/ok', '{"v": 7}');
    await vi.waitFor(() => expect(sink.valuesOf(1).map((v) => v.raw)).toEqual([7]), WAIT);
    expect(sink.badPayloads).toEqual(['payload at plant/big is 10.0 MB, more than the 1 MB limit']);
    expect(sink.valuesOf(0)).toEqual([]);
  });

  it('keeps its session: QoS 1 messages sent while stopped arrive on the next start, unbound topics are reported once', async () => {
    const clientId = `twinscape-session-test-${process.pid}`;
    const first = await connected({ clientId, bindings: [{ topic: 'plant/old', value: '/v' }] });
    await first.connector.stop();
    await publish('plant/old', '{"v": 1}');
    await publish('plant/old', '{"v": 2}');
    // The asset now binds another topic; the broker still holds the old subscription for this client id.
    const second = await connected({ clientId, bindings: [{ topic: 'plant/new', value: '/v' }] });
    await publish('plant/new', '{"v": 3}');
    await vi.waitFor(() => expect(second.sink.values.map((v) => v.raw)).toEqual([3]), WAIT);
    await vi.waitFor(() => expect(second.sink.messages).toBe(3), WAIT);
    expect(second.sink.unknownMetrics).toEqual(['topic plant/old is not bound to any tag']);
  });

  it('writes a setpoint as {"value", "timestamp"} with QoS 1 and refuses when disconnected', async () => {
    const observer = await testClient(broker.url);
    const seen = await listen(observer, 'plant/setpoints/#');
    const { connector } = await connected({ bindings: [] });
    const write = { control: 'speed', connection: 'broker', topic: 'plant/setpoints/speed', writable: true };
    const before = Date.now();
    await connector.write(write, 42.5);
    await vi.waitFor(() => expect(seen).toHaveLength(1), WAIT);
    const body = JSON.parse(seen[0]!.payload.toString()) as { value: number; timestamp: number };
    expect(body.value).toBe(42.5);
    expect(body.timestamp).toBeGreaterThanOrEqual(before);
    await connector.stop();
    await expect(connector.write(write, 1)).rejects.toThrow(
      `cannot write to plant/setpoints/speed: not connected to broker ${broker.url}`,
    );
    await expect(connector.trust('ab:cd')).rejects.toThrow(
      'MQTT connections trust certificates through caFile',
    );
    await observer.endAsync();
  });
});
