// The SKAB replay (CSV → JSON or Sparkplug B messages) through a real Mosquitto into the MQTT connector: the
// values that arrive are the recording's.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../../../electron/services/live/connector';
import { createMqttConnector } from '../../../electron/services/live/mqtt/mqtt-connector';
import { SkabPublisher } from '../../../scripts/lib/skab-publisher';
import {
  parseSkabCsv,
  readSkabCsv,
  SKAB_COLUMNS,
  SKAB_JSON_TOPIC,
  type SkabRow,
} from '../../../scripts/lib/skab-replay';
import { SKAB_DIR } from '../../skab-dir';
import { mosquittoSkipReason, startMosquitto, type Mosquitto } from '../../support/mosquitto';
import { mqttTestContext } from '../../support/mqtt-context';
import type { RecordingSink } from '../../support/recording-sink';

const RECORDING = path.join(SKAB_DIR, 'valve1', '3.csv');
const skip =
  mosquittoSkipReason() ??
  (fs.existsSync(RECORDING)
    ? null
    : `SKAB data not found at ${RECORDING} (set SKAB_DIR); SKAB replay tests skipped`);
if (skip) console.warn(skip);
const WAIT = { timeout: 10_000, interval: 20 };

describe('SKAB CSV reading', () => {
  it('reads rows as UTC times and numbers, and skips bad lines naming file and line', () => {
    const header = `datetime;${SKAB_COLUMNS.join(';')};anomaly;changepoint`;
    const text = [
      header,
      '2020-03-09 11:14:34;0.1;0.2;1.1;0.05;72;25.5;229.7;32.0;0.0;0.0',
      '2020-03-09 11:14:35;0.1;0.2;1.1;0.05;72;25.5;229.7',
      'yesterday;0.1;0.2;1.1;0.05;72;25.5;229.7;32.0;0.0;0.0',
      '2020-03-09 11:14:37;0.1;n/a;1.1;0.05;72;25.5;229.7;32.0;0.0;0.0',
      '',
    ].join('\n');
    const { rows, skipped } = parseSkabCsv(text, 'x.csv');
    expect(rows).toEqual([
      {
        t: Date.UTC(2020, 2, 9, 11, 14, 34),
        values: Object.fromEntries(
          SKAB_COLUMNS.map((c, i) => [c, [0.1, 0.2, 1.1, 0.05, 72, 25.5, 229.7, 32][i]]),
        ),
      },
    ]);
    expect(skipped).toEqual([
      'x.csv:3: 8 fields, the header has 11',
      'x.csv:4: datetime "yesterday" is not "YYYY-MM-DD hh:mm:ss"',
      'x.csv:5: Accelerometer2RMS "n/a" is not a number',
    ]);
    expect(() => parseSkabCsv('time;a\n', 'y.csv')).toThrow(
      'y.csv:1: not a SKAB recording: the header lacks datetime',
    );
  });
});

describe.skipIf(skip !== null)('SKAB replay through mosquitto into the MQTT connector', () => {
  let broker: Mosquitto;
  let rows: SkabRow[];
  const stoppers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
    rows = readSkabCsv(RECORDING).rows;
  });
  afterEach(async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
  });
  afterAll(async () => {
    await broker?.dispose();
  });

  /** Values per source timestamp, in column order, for records that have all eight. */
  function records(sink: RecordingSink): { ts: number; values: unknown[] }[] {
    const byTs = new Map<number, unknown[]>();
    for (const v of sink.values) {
      const record = byTs.get(v.sourceTs ?? -1) ?? [];
      record[v.index] = v.raw;
      byTs.set(v.sourceTs ?? -1, record);
    }
    return [...byTs]
      .filter(([, values]) => values.filter((v) => v !== undefined).length === SKAB_COLUMNS.length)
      .sort(([a], [b]) => a - b)
      .map(([ts, values]) => ({ ts, values }));
  }
  const rowValues = (row: SkabRow | undefined) => SKAB_COLUMNS.map((c) => row?.values[c]);

  it('JSON: every column of the first rows arrives with the row timestamps 1000 / speed ms apart', async () => {
    const context = mqttTestContext({
      connection: { url: broker.url },
      bindings: SKAB_COLUMNS.map((c) => ({
        topic: SKAB_JSON_TOPIC,
        value: `/${c}`,
        timestamp: '/timestamp',
      })),
    });
    const connector: Connector = createMqttConnector(context);
    stoppers.push(() => connector.stop());
    const before = broker.subscriptionCount(SKAB_JSON_TOPIC);
    connector.start();
    await broker.waitForSubscription(SKAB_JSON_TOPIC, before + 1);
    const publisher = new SkabPublisher(rows.slice(0, 5), { broker: broker.url, mode: 'json', speed: 50 });
    stoppers.push(() => publisher.stop());
    await publisher.connect();
    expect(await publisher.run()).toMatchObject({ published: 5 });
    await vi.waitFor(() => expect(records(context.sink)).toHaveLength(5), WAIT);
    const got = records(context.sink);
    expect(got.map((r) => r.values)).toEqual(rows.slice(0, 5).map(rowValues));
    expect(got.map((r) => r.ts - (got[0]?.ts ?? 0))).toEqual([0, 20, 40, 60, 80]);
    expect(context.sink.badPayloads).toEqual([]);
  });

  it('Sparkplug B: a host that joins late asks for a rebirth, then reads consecutive rows; NDEATH on stop', async () => {
    const played = rows.slice(0, 40);
    const publisher = new SkabPublisher(played, {
      broker: broker.url,
      mode: 'sparkplug',
      speed: 20,
      loop: true,
    });
    stoppers.push(() => publisher.stop());
    await publisher.connect();
    const running = publisher.run();
    await vi.waitFor(() => expect(publisher.published).toBeGreaterThanOrEqual(3), WAIT);

    const context = mqttTestContext({
      connection: { url: broker.url, payload: 'sparkplug', sparkplugGroup: 'skab' },
      bindings: SKAB_COLUMNS.map((metric) => ({ edgeNode: 'testbed', metric })),
    });
    const connector = createMqttConnector(context);
    stoppers.push(() => connector.stop());
    connector.start();
    await vi.waitFor(() => expect(records(context.sink).length).toBeGreaterThanOrEqual(6), WAIT);
    expect(context.sink.problems[0]).toBe(
      'edge node testbed sent NDATA before its NBIRTH; asked for a rebirth',
    );

    const got = records(context.sink);
    const first = played.findIndex(
      (row) => JSON.stringify(rowValues(row)) === JSON.stringify(got[0]?.values),
    );
    expect(first).toBeGreaterThanOrEqual(0);
    const expected = Array.from({ length: 6 }, (_, k) => rowValues(played[(first + k) % played.length]));
    expect(got.slice(0, 6).map((r) => r.values)).toEqual(expected);

    await publisher.stop();
    await running;
    await vi.waitFor(() => expect(context.sink.stales).toHaveLength(1), WAIT);
    expect(context.sink.stales[0]).toEqual({
      indexes: [0, 1, 2, 3, 4, 5, 6, 7],
      reason: 'edge node testbed died (NDEATH)',
    });
  });
});
