// The edge-node side of Sparkplug B for tests: publishes births, data and deaths with the real codec.
import type { MqttClient } from 'mqtt';
import {
  decodeSparkplug,
  encodeSparkplug,
  type SparkplugMetric,
  type SparkplugPayload,
} from '../../electron/services/live/mqtt/sparkplug-codec';
import type { ReceivedMessage } from './mqtt-test-client';

export type SparkplugType = 'NBIRTH' | 'NDATA' | 'NDEATH' | 'DBIRTH' | 'DDATA' | 'DDEATH';

/** Publishes Sparkplug B messages of one edge node (QoS 0, as edge nodes do for data). */
export class TestEdgeNode {
  constructor(
    private readonly client: MqttClient,
    readonly group: string,
    readonly edgeNode: string,
  ) {}

  topic(type: SparkplugType, device?: string): string {
    return `spBv1.0/${this.group}/${type}/${this.edgeNode}${device === undefined ? '' : `/${device}`}`;
  }

  async send(type: SparkplugType, payload: SparkplugPayload, device?: string): Promise<void> {
    await this.client.publishAsync(this.topic(type, device), Buffer.from(encodeSparkplug(payload)), {
      qos: 0,
    });
  }

  /** Sends raw bytes on one of this node's topics (for payloads that are not Sparkplug at all). */
  async sendRaw(type: SparkplugType, payload: Buffer | string, device?: string): Promise<void> {
    await this.client.publishAsync(this.topic(type, device), payload, { qos: 0 });
  }
}

export const double = (name: string, alias: number, value: number, timestamp?: number): SparkplugMetric => ({
  name,
  alias,
  type: 'Double',
  value,
  ...(timestamp === undefined ? {} : { timestamp }),
});

/** A DATA metric sent by alias only, as edge nodes do after their birth. */
export const byAlias = (
  alias: number,
  value: SparkplugMetric['value'],
  type: SparkplugMetric['type'] = 'Double',
) => ({ alias, type, value }) as SparkplugMetric;

/** Names of the metrics in the NCMD messages a listener saw, e.g. [["Node Control/Rebirth", true]]. */
export function commandsIn(
  received: readonly ReceivedMessage[],
): { topic: string; metrics: [string, unknown][] }[] {
  return received.map(({ topic, payload }) => ({
    topic,
    metrics: (decodeSparkplug(payload).metrics ?? []).map(
      (m) => [m.name ?? '', m.value] as [string, unknown],
    ),
  }));
}
