// One MQTT connection (plain JSON topics or Sparkplug B): connects, subscribes, reconnects with backoff and
// reports through the sink; the payload conventions live in JsonTopics and SparkplugTopics.
import { connect, type IClientSubscribeOptions, type ISubscriptionGrant, type MqttClient } from 'mqtt';
import type { ControlWrite, MqttConnectionDefinition } from '../../../../core/asset/sources-schema';
import type { Connector, ConnectorContext, ConnectorFactory } from '../connector';
import { Backoff } from './backoff';
import { JsonTopics } from './json-topics';
import { mqttClientOptions } from './mqtt-client-options';
import { said } from '../../../../core/text/phrase';
import { asError } from '../connector';
import {
  addressWithoutCredentials,
  brokerClosed,
  describeMqttError,
  reasonInWords,
  type MqttFailure,
} from './mqtt-errors';
import { MqttWrites } from './mqtt-writes';
import { encodeSparkplug, REBIRTH_METRIC } from './sparkplug-codec';
import { nodeCommandTopic } from './sparkplug-topic';
import { SparkplugTopics } from './sparkplug-topics';
import type { TopicHandler } from './topic-handler';

/** Each subscription: QoS 1; no echo of our own publishes; retained messages only for a new subscription. */
const SUBSCRIBE_OPTIONS: IClientSubscribeOptions = { qos: 1, nl: true, rh: 1 };
/** How long stop() waits for a clean DISCONNECT before it drops the socket. */
const STOP_GRACE_MS = 2000;

class MqttConnector implements Connector {
  private readonly connection: MqttConnectionDefinition;
  /** The broker as messages name it: its address without any user:password@, and the CA file. */
  private readonly place: { url: string; caFile: string | undefined };
  private readonly writes: MqttWrites;
  private readonly backoff = new Backoff();
  /** Replaced on every start(); a stopped client's late events are ignored by comparing against it. */
  private client: MqttClient | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Why the current connection attempt failed, until its 'close' turns it into a state. */
  private failure: MqttFailure | null = null;

  constructor(private readonly context: ConnectorContext) {
    if (context.connection.kind !== 'mqtt')
      throw new Error(`connection "${context.connection.id}" is ${context.connection.kind}, not MQTT`);
    this.connection = context.connection;
    this.place = { url: addressWithoutCredentials(this.connection.url), caFile: this.connection.caFile };
    this.writes = new MqttWrites(this.place.url);
  }

  start(): void {
    if (this.client) return;
    const { sink } = this.context;
    const made = mqttClientOptions(this.connection, this.context);
    const handler = this.topicHandler();
    if (typeof handler === 'string') return sink.state('failed', { error: handler });
    if (!made.ok) return sink.state('failed', { error: made.problem });
    this.backoff.reset();
    this.failure = null;
    sink.state('connecting');
    let client: MqttClient;
    try {
      client = connect(this.connection.url, made.options);
    } catch (error) {
      const { url } = this.place;
      const detail = (error as Error).message;
      return sink.state(
        'failed',
        asError(said('cannotConnect', { url, detail }, `cannot connect to ${url}: ${detail}`)),
      );
    }
    this.client = client;
    const current = () => this.client === client;
    client.on('connect', () => current() && this.connected(client, handler));
    client.on('message', (topic, payload) => current() && this.handle(handler, topic, payload));
    client.on('error', (error) => {
      if (current()) this.failure = describeMqttError(error, this.place);
    });
    client.on('disconnect', (packet) => {
      if (current())
        this.failure = {
          ...brokerClosed(this.place.url, packet.reasonCode ?? 0),
          final: false,
        };
    });
    client.on('close', () => current() && this.closed(client));
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.clearRetry();
    this.writes.failAll('the connection was stopped');
    if (client) await endClient(client);
    this.context.sink.state('disconnected');
  }

  write(write: ControlWrite, value: number): Promise<void> {
    if (!write.topic)
      return Promise.reject(new Error(`control "${write.control}" has no MQTT topic to write to`));
    return this.writes.publish(this.client, write.topic, value);
  }

  trust(): Promise<void> {
    return Promise.reject(new Error('MQTT connections trust certificates through caFile, not one by one'));
  }

  /** The payload convention's handler, or why the connection cannot use it. */
  private topicHandler(): TopicHandler | string {
    const { bindings, sink } = this.context;
    if (this.connection.payload === 'json') return new JsonTopics(bindings, sink);
    const group = this.connection.sparkplugGroup;
    if (!group || /[/+#]/.test(group))
      return `connection "${this.connection.id}" needs a sparkplugGroup without "/", "+" or "#" for Sparkplug B`;
    return new SparkplugTopics({
      group,
      bindings,
      sink,
      askRebirth: (edgeNode) => this.askRebirth(edgeNode),
    });
  }

  /** A bug in reading one message must not take the connection down with it. */
  private handle(handler: TopicHandler, topic: string, payload: Buffer): void {
    try {
      handler.handle(topic, payload);
    } catch (error) {
      const detail = (error as Error).message;
      this.context.sink.problem(
        said('readingFailed', { topic, detail }, `reading a message at ${topic} failed: ${detail}`),
      );
    }
  }

  private connected(client: MqttClient, handler: TopicHandler): void {
    this.failure = null;
    this.backoff.reset();
    this.context.sink.state('connected');
    if (handler.subscriptions.length === 0) return;
    // Every connect, not only without a session: the asset's bindings may have changed since.
    const map = Object.fromEntries(handler.subscriptions.map((topic) => [topic, SUBSCRIBE_OPTIONS]));
    client.subscribe(map, (error, granted) => {
      if (this.client !== client) return;
      if (error) {
        if (client.connected)
          this.context.sink.problem(
            said(
              'subscribeFailed',
              { url: this.place.url, detail: error.message },
              `subscribing at ${this.place.url} failed: ${error.message}`,
            ),
          );
        return;
      }
      for (const refused of (granted ?? []).filter((g: ISubscriptionGrant) => g.qos >= 0x80))
        this.context.sink.problem(
          said(
            'subscriptionRefused',
            { url: this.place.url, topic: refused.topic, mqttReason: refused.qos },
            `broker ${this.place.url} refused the subscription to ${refused.topic}: ${reasonInWords(refused.qos)}`,
          ),
        );
    });
  }

  private closed(client: MqttClient): void {
    const failure = this.failure ?? { ...brokerClosed(this.place.url), final: false };
    this.failure = null;
    this.writes.failAll(failure.message);
    if (failure.final) {
      this.client = null;
      client.end(true);
      const { code, params } = failure.phrase;
      this.context.sink.state(
        'failed',
        asError(
          said(
            'stoppedRetrying',
            { ...params, cause: code },
            `${failure.message}; stopped retrying (a refusal like this does not fix itself): connect again once it is fixed`,
          ),
        ),
      );
      return;
    }
    const delay = this.backoff.next();
    this.context.sink.state('reconnecting', { ...asError(failure), nextRetryAt: Date.now() + delay });
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.client === client) client.reconnect();
    }, delay);
  }

  private askRebirth(edgeNode: string): Promise<void> {
    const client = this.client;
    const group = this.connection.sparkplugGroup ?? '';
    if (!client?.connected) return Promise.reject(new Error(`not connected to broker ${this.place.url}`));
    const payload = encodeSparkplug({
      timestamp: Date.now(),
      metrics: [{ name: REBIRTH_METRIC, type: 'Boolean', value: true }],
    });
    return new Promise((resolve, reject) =>
      client.publish(nodeCommandTopic(group, edgeNode), Buffer.from(payload), { qos: 0 }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

/** Ends the client: a clean DISCONNECT when connected (the broker keeps our session), else drops the socket. */
function endClient(client: MqttClient): Promise<void> {
  return new Promise<void>((resolve) => {
    const grace = setTimeout(() => {
      client.stream?.destroy();
      resolve();
    }, STOP_GRACE_MS);
    client.end(!client.connected, () => {
      clearTimeout(grace);
      resolve();
    });
  });
}

export const createMqttConnector: ConnectorFactory = (context) => new MqttConnector(context);
