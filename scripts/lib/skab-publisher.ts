// Publishes a SKAB recording to a broker as live messages, paced in wall time: row i goes out at
// start + i × 1000 / speed ms and is stamped with that time (so the twin shows it at the pace it arrives).
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { decodeSparkplug, REBIRTH_METRIC } from '../../electron/services/live/mqtt/sparkplug-codec';
import {
  jsonMessage,
  sparkplugBirth,
  sparkplugData,
  sparkplugDeath,
  sparkplugNodeTopic,
  type SkabRow,
} from './skab-replay';

export interface SkabPublisherOptions {
  /** Broker address, e.g. "mqtt://127.0.0.1:1883". */
  broker: string;
  /** Plain JSON on skab/testbed/sensors, or Sparkplug B (group skab, edge node testbed). */
  mode: 'json' | 'sparkplug';
  /** Rows per second of wall time (1 = as recorded). */
  speed?: number;
  /** Start over after the last row (timestamps keep increasing). */
  loop?: boolean;
  /** Extra mqtt.js options (username, password, ca…). */
  client?: IClientOptions;
  /** A message could not be published (the replay goes on). */
  onProblem?: (problem: string) => void;
}

export class SkabPublisher {
  /** Rows published so far. */
  published = 0;
  private client: MqttClient | null = null;
  private seq = 0;
  private bdSeq = 0;
  private lastRow: { row: SkabRow; ts: number } | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private sleepTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly rows: readonly SkabRow[],
    private readonly options: SkabPublisherOptions,
  ) {
    if (rows.length === 0) throw new Error('the SKAB recording has no rows to publish');
    const speed = options.speed ?? 1;
    if (!(speed > 0) || !Number.isFinite(speed))
      throw new Error(`speed must be a positive number, got ${speed}`);
  }

  private get intervalMs(): number {
    return 1000 / (this.options.speed ?? 1);
  }

  /**
   * Connects; in Sparkplug mode with NDEATH as the will, and listening for rebirth requests. A lost broker is
   * retried every 2 s; Sparkplug then counts bdSeq up and births again (data sent meanwhile is dropped).
   */
  async connect(): Promise<void> {
    const sparkplug = this.options.mode === 'sparkplug';
    const client = await connectAsync(this.options.broker, {
      clientId: `twinscape-skab-replay-${process.pid}`,
      reconnectPeriod: 2000,
      queueQoSZero: false,
      ...(sparkplug ? { will: this.will() } : {}),
      ...this.options.client,
    });
    this.client = client;
    client.on('close', () => {
      if (this.stopped) return;
      this.options.onProblem?.(`lost the broker ${this.options.broker}; trying again every 2 s`);
      if (!sparkplug) return;
      this.bdSeq = (this.bdSeq + 1) % 256;
      client.options.will = this.will();
    });
    if (!sparkplug) return;
    client.on('connect', () => {
      if (this.published > 0) this.birth();
    });
    client.on('message', (topic, payload) => {
      if (topic === sparkplugNodeTopic('NCMD') && this.asksRebirth(payload)) this.birth();
    });
    await client.subscribeAsync(sparkplugNodeTopic('NCMD'), { qos: 0 });
  }

  private will(): NonNullable<IClientOptions['will']> {
    return {
      topic: sparkplugNodeTopic('NDEATH'),
      payload: Buffer.from(sparkplugDeath(this.bdSeq)),
      qos: 1,
      retain: false,
    };
  }

  /** Publishes the rows at their pace until the end (or forever with `loop`) or stop(); resolves with totals. */
  async run(): Promise<{ published: number; seconds: number }> {
    const start = Date.now();
    for (let i = 0; !this.stopped; i += 1) {
      if (i >= this.rows.length && !this.options.loop) break;
      const row = this.rows[i % this.rows.length] as SkabRow;
      const ts = Math.round(start + i * this.intervalMs);
      await this.sleepUntil(ts);
      if (this.stopped) break;
      this.lastRow = { row, ts };
      if (this.options.mode === 'json') this.publishJson(row, ts);
      else if (i === 0) this.birth();
      else this.send(sparkplugNodeTopic('NDATA'), sparkplugData(row, ts, this.nextSeq()), 0);
      this.published += 1;
    }
    return { published: this.published, seconds: (Date.now() - start) / 1000 };
  }

  /** Stops publishing; in Sparkplug mode sends NDEATH first (a clean disconnect does not fire the will). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.wake?.();
    const client = this.client;
    this.client = null;
    if (!client) return;
    if (this.options.mode === 'sparkplug' && client.connected)
      await client
        .publishAsync(sparkplugNodeTopic('NDEATH'), Buffer.from(sparkplugDeath(this.bdSeq)), { qos: 1 })
        .catch(() => undefined);
    await client.endAsync();
  }

  private publishJson(row: SkabRow, ts: number): void {
    const { topic, payload } = jsonMessage(row, ts);
    this.send(topic, payload, 1);
  }

  /** NBIRTH with the latest row's values; seq starts again at 0 (bdSeq stays: same MQTT session). */
  private birth(): void {
    const latest = this.lastRow ?? { row: this.rows[0] as SkabRow, ts: Date.now() };
    this.seq = 0;
    this.send(sparkplugNodeTopic('NBIRTH'), sparkplugBirth(latest.row, latest.ts, this.bdSeq, this.seq), 0);
  }

  private nextSeq(): number {
    this.seq = (this.seq + 1) % 256;
    return this.seq;
  }

  private send(topic: string, payload: string | Uint8Array, qos: 0 | 1): void {
    const body = typeof payload === 'string' ? payload : Buffer.from(payload);
    this.client?.publish(topic, body, { qos }, (error) => {
      if (error)
        this.options.onProblem?.(`publishing to ${topic} at ${this.options.broker} failed: ${error.message}`);
    });
  }

  private asksRebirth(payload: Buffer): boolean {
    try {
      return (decodeSparkplug(payload).metrics ?? []).some(
        (m) => m.name === REBIRTH_METRIC && m.value === true,
      );
    } catch {
      this.options.onProblem?.(
        `an NCMD at ${sparkplugNodeTopic('NCMD')} was not a Sparkplug B payload; ignored`,
      );
      return false;
    }
  }

  private sleepUntil(at: number): Promise<void> {
    const delay = at - Date.now();
    if (delay <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      this.sleepTimer = setTimeout(resolve, delay);
    });
  }
}
