// TLS and passwords against a real Mosquitto with a test CA made by openssl: what works and how refusals read.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MqttConnectionDefinition } from '../../../core/asset/sources-schema';
import type { Connector } from '../../../electron/services/live/connector';
import { createMqttConnector } from '../../../electron/services/live/mqtt/mqtt-connector';
import { mosquittoSkipReason, startMosquitto, type Mosquitto } from '../../support/mosquitto';
import { mqttTestContext } from '../../support/mqtt-context';
import { testClient } from '../../support/mqtt-test-client';

const skip = mosquittoSkipReason({ tls: true });
if (skip) console.warn(skip);
const WAIT = { timeout: 10_000, interval: 20 };
const USER = 'twinscape';
const PASSWORD = 'right-password';

describe.skipIf(skip !== null)('MQTT connector with TLS and a password file', () => {
  let broker: Mosquitto;
  let assetDir: string;
  const running: Connector[] = [];

  beforeAll(async () => {
    broker = await startMosquitto({ tls: true, users: { [USER]: PASSWORD } });
    assetDir = path.dirname(broker.certificates?.caFile ?? '');
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await broker?.dispose();
  });

  function started(connection: Partial<MqttConnectionDefinition>, password: string | undefined) {
    const context = mqttTestContext({
      connection: { url: broker.url, username: USER, ...connection },
      bindings: [{ topic: 'secure/v', value: '/v' }],
      assetDir,
      ...(password === undefined ? {} : { password }),
    });
    const connector = createMqttConnector(context);
    running.push(connector);
    connector.start();
    return { connector, sink: context.sink };
  }

  it('connects with the test CA (caFile relative to the asset) and the password, and values flow', async () => {
    const before = broker.subscriptionCount('secure/v');
    const { sink } = started({ caFile: 'ca.crt' }, PASSWORD);
    await broker.waitForSubscription('secure/v', before + 1);
    const plant = await testClient(broker.url, {
      ca: fs.readFileSync(path.join(assetDir, 'ca.crt')),
      username: USER,
      password: PASSWORD,
    });
    await plant.publishAsync('secure/v', '{"v": 3.5}', { qos: 1 });
    await vi.waitFor(() => expect(sink.values.map((v) => v.raw)).toEqual([3.5]), WAIT);
    await plant.endAsync();
    expect(sink.states.map((s) => s.state)).toEqual(['connecting', 'connected']);
  });

  it('fails for good on a wrong password, and tries once more only when started again', async () => {
    const { connector, sink } = started({ caFile: 'ca.crt' }, 'wrong-password');
    await vi.waitFor(() => expect(sink.lastState?.state).toBe('failed'), WAIT);
    // Mosquitto 2.0 answers "not authorised" (reason 135); other brokers say "bad user name or password" (134).
    expect(sink.lastState?.error).toMatch(
      new RegExp(
        `^broker ${broker.url} refused the connection: (not authorised|bad user name or password); stopped retrying`,
      ),
    );
    // Longer than the first retry would wait: nothing more may happen on its own.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(sink.states.map((s) => s.state)).toEqual(['connecting', 'failed']);
    connector.start();
    await vi.waitFor(
      () => expect(sink.states.map((s) => s.state)).toEqual(['connecting', 'failed', 'connecting', 'failed']),
      WAIT,
    );
  });

  it('fails for good without a password when the broker wants one', async () => {
    const { sink } = started({ caFile: 'ca.crt' }, undefined);
    await vi.waitFor(() => expect(sink.lastState?.state).toBe('failed'), WAIT);
    expect(sink.lastState?.error).toContain('refused the connection: not authorised');
  });

  it('says the broker certificate is not signed by a trusted CA when there is no caFile', async () => {
    const { sink } = started({}, PASSWORD);
    await vi.waitFor(() => expect(sink.lastState?.state).toBe('reconnecting'), WAIT);
    expect(sink.lastState?.error).toBe(
      `the certificate of broker ${broker.url} is not signed by a CA this computer trusts; set caFile to the CA that signed it`,
    );
  });

  it('names the caFile whose CA did not sign the broker certificate', async () => {
    const { sink } = started({ caFile: 'other-ca.crt' }, PASSWORD);
    await vi.waitFor(() => expect(sink.lastState?.state).toBe('reconnecting'), WAIT);
    expect(sink.lastState?.error).toBe(
      `the certificate of broker ${broker.url} is not signed by the CA in other-ca.crt`,
    );
  });

  it('fails at once, naming the file, when the caFile cannot be read', async () => {
    const { sink } = started({ caFile: 'missing.crt' }, PASSWORD);
    expect(sink.states).toEqual([
      expect.objectContaining({
        state: 'failed',
        error: `cannot read caFile ${path.join(assetDir, 'missing.crt')} of connection "broker": no such file`,
      }),
    ]);
  });
});
