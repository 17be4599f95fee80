// Plain mqtt.js clients that play the plant side in tests: publishers, and listeners on what a connector sends.
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';

let counter = 0;

/** A connected client (clean session, no reconnects) with a unique id. */
export function testClient(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  counter += 1;
  return connectAsync(url, {
    clientId: `twinscape-test-${process.pid}-${counter}`,
    reconnectPeriod: 0,
    protocolVersion: 5,
    ...options,
  });
}

export interface ReceivedMessage {
  topic: string;
  payload: Buffer;
}

/** Subscribes to `filter` and keeps every message that arrives on it. */
export async function listen(client: MqttClient, filter: string): Promise<ReceivedMessage[]> {
  const received: ReceivedMessage[] = [];
  client.on('message', (topic, payload) => received.push({ topic, payload }));
  await client.subscribeAsync(filter, { qos: 1 });
  return received;
}
