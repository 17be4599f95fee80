/** What the connector does with incoming messages: JSON topics or Sparkplug B. */
export interface TopicHandler {
  /** Topic filters subscribed (QoS 1) on every connect. */
  readonly subscriptions: readonly string[];
  /** One message as it came off the wire. */
  handle(topic: string, payload: Buffer): void;
}
