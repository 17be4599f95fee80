// MQTT connector under trouble, against a real Mosquitto: the broker dies and comes back, nothing listens,
// a burst of 100 000 messages.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../../../electron/services/live/connector';
import { createMqttConnector } from '../../../electron/services/live/mqtt/mqtt-connector';
import { freePort, mosquittoSkipReason, startMosquitto, type Mosquitto } from '../../support/mosquitto';
import { mqttTestContext } from '../../support/mqtt-context';
import type { RecordingSink } from '../../support/recording-sink';
import { testClient } from '../../support/mqtt-test-client';

const skip = mosquittoSkipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 15_000, interval: 20 };

describe.skipIf(skip !== null)('MQTT connector faults against mosquitto', () => {
  let broker: Mosquitto;
  const running: Connector[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await broker?.dispose();
  });

  async function started(url: string, topics: string[], clientId?: string) {
    const context = mqttTestContext({
      connection: { url, ...(clientId ? { clientId } : {}) },
      bindings: topics.map((topic) => ({ topic, value: '/v' })),
    });
    const connector = createMqttConnector(context);
    running.push(connector);
    connector.start();
    return { connector, sink: context.sink };
  }

  const retryDelays = (sink: RecordingSink) =>
    sink.states.filter((s) => s.state === 'reconnecting').map((s) => (s.nextRetryAt ?? 0) - s.at);

  async function publishOnce(topic: string, payload: string) {
    const plant = await testClient(broker.url);
    await plant.publishAsync(topic, payload, { qos: 1 });
    await plant.endAsync();
  }

  it('reports a killed broker as reconnecting with the next retry time (1 s, then 2 s), then comes back', async () => {
    const before = broker.subscriptionCount('line/kill');
    const { sink } = await started(broker.url, ['line/kill']);
    await broker.waitForSubscription('line/kill', before + 1);
    await publishOnce('line/kill', '{"v": 1}');
    await vi.waitFor(() => expect(sink.values.map((v) => v.raw)).toEqual([1]), WAIT);

    await broker.kill();
    await vi.waitFor(() => expect(retryDelays(sink)).toHaveLength(2), WAIT);
    const [lost, refused] = sink.states.filter((s) => s.state === 'reconnecting');
    expect(lost?.error).toBe(`broker ${broker.url} closed the connection`);
    expect(refused?.error).toBe(`nothing is listening at ${broker.url} (connection refused)`);
    const [first, second] = retryDelays(sink);
    expect(first).toBeGreaterThanOrEqual(800);
    expect(first).toBeLessThanOrEqual(1000);
    expect(second).toBeGreaterThanOrEqual(1600);
    expect(second).toBeLessThanOrEqual(2000);

    await broker.restart();
    await vi.waitFor(() => expect(sink.lastState?.state).toBe('connected'), WAIT);
    // The killed broker lost the session; the connector subscribes again on every connect.
    await broker.waitForSubscription('line/kill', before + 2);
    await publishOnce('line/kill', '{"v": 2}');
    await vi.waitFor(() => expect(sink.values.map((v) => v.raw)).toEqual([1, 2]), WAIT);
  });

  it('keeps its session across a clean broker restart: QoS 1 messages sent meanwhile arrive', async () => {
    const clientId = `twinscape-faults-${process.pid}`;
    const before = broker.subscriptionCount('line/session');
    const first = await started(broker.url, ['line/session'], clientId);
    await broker.waitForSubscription('line/session', before + 1);
    await first.connector.stop();
    await broker.restart();
    await publishOnce('line/session', '{"v": 5}');
    const second = await started(broker.url, ['line/session'], clientId);
    await vi.waitFor(() => expect(second.sink.values.map((v) => v.raw)).toEqual([5]), WAIT);
    expect(second.sink.lastState?.state).toBe('connected');
  });

  it('says nothing listens at an empty port, and stop() ends the retries without leaving timers', async () => {
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const url = `mqtt://127.0.0.1:${await freePort()}`;
    const { connector, sink } = await started(url, ['line/none']);
    await vi.waitFor(() => expect(sink.lastState?.state).toBe('reconnecting'), WAIT);
    expect(sink.states[0]?.state).toBe('connecting');
    expect(sink.lastState?.error).toBe(`nothing is listening at ${url} (connection refused)`);
    await connector.stop();
    expect(sink.lastState?.state).toBe('disconnected');
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(timersBefore);
  });

  it('counts a burst of 100 000 messages, refuses the bad ones and keeps the good values coming', async () => {
    const before = ['line/burst', 'line/good'].map((t) => broker.subscriptionCount(t));
    const { sink } = await started(broker.url, ['line/burst', 'line/good']);
    await broker.waitForSubscription('line/burst', (before[0] ?? 0) + 1);
    await broker.waitForSubscription('line/good', (before[1] ?? 0) + 1);
    const plant = await testClient(broker.url);
    const BURST = 100_000;
    for (let i = 0; i < BURST; i += 1) {
      plant.publish('line/burst', i % 10_000 === 9_999 ? '{"v": ' : `{"v":${i}}`, { qos: 0 });
      if (i % 1000 === 0) plant.publish('line/good', `{"v":${i / 1000}}`, { qos: 0 });
    }
    await vi.waitFor(() => expect(sink.messages).toBe(BURST + 100), { timeout: 25_000, interval: 50 });
    await plant.endAsync();
    expect(sink.badPayloads).toHaveLength(10);
    expect(sink.valuesOf(0)).toHaveLength(BURST - 10);
    expect(sink.valuesOf(0).at(-1)?.raw).toBe(BURST - 2);
    expect(sink.valuesOf(1).map((v) => v.raw)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(sink.lastState?.state).toBe('connected');
  }, 40_000);
});
