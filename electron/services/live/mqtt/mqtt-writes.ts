// Setpoint writes: {"value": v, "timestamp": ms} published with QoS 1, settled by the broker's PUBACK.
import type { MqttClient } from 'mqtt';
import { describeMqttError } from './mqtt-errors';

export const WRITE_TIMEOUT_MS = 5000;

interface PendingWrite {
  topic: string;
  messageId: number | undefined;
  fail: (why: string) => void;
}

/**
 * A write that fails is taken out of mqtt.js's resend store: a setpoint the user was told did not go through
 * must never reach the equipment later, after a reconnect.
 */
export class MqttWrites {
  private readonly pending = new Set<PendingWrite>();

  constructor(private readonly url: string) {}

  publish(client: MqttClient | null, topic: string, value: number): Promise<void> {
    if (!client?.connected)
      return Promise.reject(new Error(`cannot write to ${topic}: not connected to broker ${this.url}`));
    const payload = JSON.stringify({ value, timestamp: Date.now() });
    return new Promise<void>((resolve, reject) => {
      const write: PendingWrite = { topic, messageId: undefined, fail: () => undefined };
      const timer = setTimeout(
        () =>
          write.fail(
            `broker ${this.url} did not acknowledge the write to ${topic} within ${WRITE_TIMEOUT_MS / 1000} s`,
          ),
        WRITE_TIMEOUT_MS,
      );
      const settle = (error: Error | null) => {
        if (!this.pending.delete(write)) return;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      write.fail = (why) => {
        settle(new Error(why));
        if (write.messageId !== undefined) client.removeOutgoingMessage(write.messageId);
      };
      this.pending.add(write);
      const lastId = client.getLastMessageId();
      client.publish(topic, payload, { qos: 1, retain: false }, (error) => {
        if (!error) return settle(null);
        settle(new Error(`write to ${topic} failed: ${describeMqttError(error, { url: this.url }).message}`));
      });
      // mqtt.js defers a publish (no id yet) while it resends its store after a reconnect.
      if (client.getLastMessageId() !== lastId) write.messageId = client.getLastMessageId();
    });
  }

  /** Fails every write still waiting, saying why (the connection closed, or is being stopped). */
  failAll(reason: string): void {
    for (const write of [...this.pending])
      write.fail(
        `the write to ${write.topic} was not acknowledged: ${reason}; it may or may not have arrived`,
      );
  }
}
