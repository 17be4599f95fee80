// The MQTT connector's small pure parts: backoff, error wording, JSON timestamps, Sparkplug topics and limits.
import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../electron/services/live/mqtt/backoff';
import { readJsonTimestamp } from '../../../electron/services/live/mqtt/json-timestamp';
import { defaultClientId } from '../../../electron/services/live/mqtt/mqtt-client-options';
import {
  addressWithoutCredentials,
  describeMqttError,
} from '../../../electron/services/live/mqtt/mqtt-errors';
import { MAX_PAYLOAD_BYTES, oversizedPayload } from '../../../electron/services/live/mqtt/payload-limit';
import { parseSparkplugTopic } from '../../../electron/services/live/mqtt/sparkplug-topic';

const url = 'mqtt://127.0.0.1:1883';
const withCode = (message: string, code: string | number) => Object.assign(new Error(message), { code });

describe('MQTT connector pieces', () => {
  it('backs off from 1 s doubling to 30 s, with up to 20 % taken off at random, and starts over after reset', () => {
    const noJitter = new Backoff(1000, 30_000, 0.2, () => 0);
    expect(Array.from({ length: 7 }, () => noJitter.next())).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
    noJitter.reset();
    expect(noJitter.next()).toBe(1000);
    expect(new Backoff(1000, 30_000, 0.2, () => 1).next()).toBe(800);
  });

  it('words refusals, sockets and TLS trouble naming the broker, and says which refusals are final', () => {
    expect(describeMqttError(withCode('Connection refused: Not authorized', 5), { url })).toEqual({
      message: `broker ${url} refused the connection: not authorised`,
      phrase: { code: 'brokerRefused', params: { url, mqttReason: 5 } },
      final: true,
    });
    expect(
      describeMqttError(withCode('Connection refused: Bad username or password', 134), { url }),
    ).toMatchObject({
      message: `broker ${url} refused the connection: bad user name or password`,
      final: true,
    });
    expect(describeMqttError(withCode('Connection refused: Server busy', 137), { url }).final).toBe(false);
    expect(
      describeMqttError(withCode('connect ECONNREFUSED 127.0.0.1:1883', 'ECONNREFUSED'), { url }).message,
    ).toBe(`nothing is listening at ${url} (connection refused)`);
    expect(
      describeMqttError(
        withCode('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
        {
          url: 'mqtts://broker:8883',
          caFile: 'certs/ca.pem',
        },
      ).message,
    ).toBe('the certificate of broker mqtts://broker:8883 is not signed by the CA in certs/ca.pem');
    expect(describeMqttError(withCode('certificate has expired', 'CERT_HAS_EXPIRED'), { url }).message).toBe(
      `the certificate of broker ${url} has expired`,
    );
    expect(addressWithoutCredentials('mqtt://ops:s3cret@broker:1883')).toBe('mqtt://broker:1883');
    expect(describeMqttError(new Error('Keepalive timeout'), { url }).message).toBe(
      `broker ${url} stopped answering (keepalive timeout)`,
    );
  });

  it('reads JSON timestamps as ms numbers or ISO-8601 with a zone, and refuses the rest', () => {
    expect(readJsonTimestamp(1_700_000_000_000)).toEqual({ ok: true, ms: 1_700_000_000_000 });
    expect(readJsonTimestamp('2024-05-01T12:00:00+02:00')).toEqual({
      ok: true,
      ms: Date.UTC(2024, 4, 1, 10),
    });
    expect(readJsonTimestamp('2024-05-01T12:00:00')).toMatchObject({ ok: false });
    expect(readJsonTimestamp(undefined)).toMatchObject({ ok: false, problem: 'is missing' });
    expect(readJsonTimestamp(true)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('is true,'),
    });
  });

  it('parses the Sparkplug topics a host reads and ignores the others', () => {
    expect(parseSparkplugTopic('spBv1.0/plant/DDATA/node/pump')).toEqual({
      group: 'plant',
      type: 'DDATA',
      edgeNode: 'node',
      device: 'pump',
    });
    expect(parseSparkplugTopic('spBv1.0/plant/NBIRTH/node')).toMatchObject({
      type: 'NBIRTH',
      device: undefined,
    });
    for (const ignored of [
      'spBv1.0/STATE/host',
      'spBv1.0/plant/NCMD/node',
      'spBv1.0/plant/DCMD/node/pump',
      'spBv1.0/plant/NDATA/node/extra',
      'spBv1.0/plant/DDATA/node',
      'other/plant/NDATA/node',
    ])
      expect(parseSparkplugTopic(ignored)).toBeNull();
  });

  it('limits payloads to 1 MB, and makes client ids that name asset, connection and host', () => {
    expect(oversizedPayload('t', new Uint8Array(MAX_PAYLOAD_BYTES))).toBeNull();
    expect(oversizedPayload('t', new Uint8Array(MAX_PAYLOAD_BYTES + 1))?.message).toBe(
      'payload at t is 1048577 bytes, more than the 1 MB limit',
    );
    const id = defaultClientId('pump-skid', 'plant');
    expect(id).toMatch(/^twinscape-pump-skid-plant-.+-[0-9a-f]{6}$/);
    expect(defaultClientId('pump-skid', 'plant')).toBe(id);
  });
});
