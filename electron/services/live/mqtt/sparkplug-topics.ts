// Sparkplug B host side for one group: births teach metric aliases, data feeds bindings, deaths make
// bindings stale, and a gap in the sequence, data before a birth or an alias never born asks for a rebirth.
import { said, type PhraseParams, type Said } from '../../../../core/text/phrase';
import type { PhraseCode } from '../../../../core/text/phrase-codes';
import type { ConnectorContext, ConnectorSink } from '../connector';
import { oversizedPayload } from './payload-limit';
import { SparkplugBindings } from './sparkplug-bindings';
import {
  decodeSparkplug,
  plainNumber,
  plainValue,
  SPARKPLUG_NAMESPACE,
  type SparkplugPayload,
} from './sparkplug-codec';
import { SparkplugSession } from './sparkplug-session';
import { parseSparkplugTopic, type SparkplugTopic } from './sparkplug-topic';
import type { TopicHandler } from './topic-handler';

/** Metrics every edge node sends that are not process values: never reported as unbound. */
const HOUSEKEEPING = /^(bdSeq$|Node Control\/|Device Control\/|Node Info\/|Device Info\/|Properties\/)/;

const placeOf = (t: SparkplugTopic): string =>
  t.device === undefined ? `edge node ${t.edgeNode}` : `device ${t.edgeNode}/${t.device}`;

/** A sentence about the topic's edge node or device: the node's code, or the device's with its name. */
const aboutPlace = (
  t: SparkplugTopic,
  codes: { node: PhraseCode; device: PhraseCode },
  params: PhraseParams,
  message: string,
): Said =>
  t.device === undefined
    ? said(codes.node, { edgeNode: t.edgeNode, ...params }, message)
    : said(codes.device, { edgeNode: t.edgeNode, device: t.device, ...params }, message);

export interface SparkplugOptions {
  group: string;
  bindings: ConnectorContext['bindings'];
  sink: ConnectorSink;
  /** Publishes an NCMD "Node Control/Rebirth" to the edge node. */
  askRebirth: (edgeNode: string) => Promise<void>;
  now?: () => number;
}

/**
 * Rebirths are asked only of edge nodes and devices some binding names, at most every REBIRTH_INTERVAL_MS
 * per node, and each request is reported once (with what caused it); values that can still be read
 * (metrics sent by name, aliases already known) go through meanwhile.
 */
export class SparkplugTopics implements TopicHandler {
  readonly subscriptions: readonly string[];
  private readonly bindings: SparkplugBindings;
  private readonly session = new SparkplugSession();
  /** Unbound nodes, devices and metrics are reported once each (the count is how many, not how often). */
  private readonly reportedUnknown = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly options: SparkplugOptions) {
    this.subscriptions = [`${SPARKPLUG_NAMESPACE}/${options.group}/#`];
    this.bindings = new SparkplugBindings(options.bindings);
    this.now = options.now ?? Date.now;
  }

  handle(topic: string, payload: Buffer): void {
    const t = parseSparkplugTopic(topic);
    // STATE, NCMD and DCMD (host and command traffic) are not data: neither read nor counted.
    if (!t || t.group !== this.options.group) return;
    const { sink } = this.options;
    sink.message();
    const tooLarge = oversizedPayload(topic, payload);
    if (tooLarge) return sink.badPayload(tooLarge);
    let message: SparkplugPayload;
    try {
      message = decodeSparkplug(payload);
    } catch (error) {
      const detail = (error as Error).message;
      return sink.badPayload(
        said(
          'payloadNotSparkplug',
          { topic, detail },
          `payload at ${topic} is not a Sparkplug B (protobuf) payload: ${detail}`,
        ),
      );
    }
    if (!this.nodeIsBound(t)) return;
    if (t.type === 'NDEATH') return this.nodeDeath(t, message);
    if (t.type === 'NBIRTH') this.session.nodeBorn(t.edgeNode, plainNumber(message.seq), message.metrics);
    else this.checkBirthAndSequence(t, message);
    if (t.device !== undefined) {
      if (this.bindings.ofDevice(t.edgeNode, t.device).length === 0)
        return this.reportUnknownOnce(
          placeOf(t),
          said(
            'deviceUnbound',
            { edgeNode: t.edgeNode, device: t.device },
            `${placeOf(t)} is not bound to any tag`,
          ),
        );
      if (t.type === 'DDEATH') return this.deviceDeath(t, t.device);
      if (t.type === 'DBIRTH') this.session.deviceBorn(t.edgeNode, t.device, message.metrics);
      else if (!this.session.isBorn(t.edgeNode, t.device) && this.session.isBorn(t.edgeNode))
        this.rebirth(t.edgeNode, () =>
          this.options.sink.problem(
            aboutPlace(
              t,
              { node: 'nodeDataBeforeBirth', device: 'deviceDataBeforeBirth' },
              { type: t.type },
              `${placeOf(t)} sent ${t.type} before its DBIRTH; asked for a rebirth`,
            ),
          ),
        );
    }
    this.emitValues(t, message);
  }

  /** An edge node no binding names is reported once and its messages ignored (no rebirths asked of it). */
  private nodeIsBound(t: SparkplugTopic): boolean {
    if (this.bindings.ofNode(t.edgeNode).length > 0) return true;
    this.reportUnknownOnce(
      `edge node ${t.edgeNode}`,
      said('nodeUnbound', { edgeNode: t.edgeNode }, `edge node ${t.edgeNode} is not bound to any tag`),
    );
    return false;
  }

  /** Sequence numbers count every message of the node and its devices after the NBIRTH, modulo 256. */
  private checkBirthAndSequence(t: SparkplugTopic, message: SparkplugPayload): void {
    const { edgeNode } = t;
    if (!this.session.isBorn(edgeNode))
      return this.rebirth(edgeNode, () =>
        this.options.sink.problem(
          said(
            'nodeDataBeforeBirth',
            { edgeNode, type: t.type },
            `edge node ${edgeNode} sent ${t.type} before its NBIRTH; asked for a rebirth`,
          ),
        ),
      );
    const check = this.session.sequence(edgeNode, plainNumber(message.seq));
    if (!check.ok)
      this.rebirth(edgeNode, () =>
        this.options.sink.problem(
          said(
            'sequenceJumped',
            { edgeNode, from: check.from, to: check.to },
            `edge node ${edgeNode}: sequence jumped from ${check.from} to ${check.to}; asked for a rebirth`,
          ),
        ),
      );
  }

  private emitValues(t: SparkplugTopic, message: SparkplugPayload): void {
    const payloadTs = plainNumber(message.timestamp);
    let unbornAlias: number | null = null;
    for (const metric of message.metrics ?? []) {
      const name = this.session.metricName(t.edgeNode, t.device, metric);
      if (name === undefined) {
        unbornAlias ??= plainNumber(metric.alias);
        continue;
      }
      const indexes = this.bindings.ofMetric(t.edgeNode, t.device, name);
      if (indexes.length === 0) {
        if (!HOUSEKEEPING.test(name))
          this.reportUnknownOnce(
            `${placeOf(t)}\0${name}`,
            aboutPlace(
              t,
              { node: 'nodeMetricUnbound', device: 'deviceMetricUnbound' },
              { metric: name },
              `${placeOf(t)}: metric "${name}" is not bound to any tag`,
            ),
          );
        continue;
      }
      const raw = metric.value === null ? null : plainValue(metric.value);
      const sourceTs = plainNumber(metric.timestamp) ?? payloadTs;
      for (const index of indexes) this.options.sink.value(index, raw, sourceTs, 'good');
    }
    if (unbornAlias !== null && this.session.isBorn(t.edgeNode, t.device))
      this.rebirth(t.edgeNode, () =>
        this.options.sink.unknownMetric(
          aboutPlace(
            t,
            { node: 'nodeAliasUnborn', device: 'deviceAliasUnborn' },
            { alias: unbornAlias, type: t.type },
            `${placeOf(t)}: alias ${unbornAlias} in ${t.type} was never born; asked for a rebirth`,
          ),
        ),
      );
  }

  private nodeDeath(t: SparkplugTopic, message: SparkplugPayload): void {
    // An NDEATH whose bdSeq is not the current birth's is the late will of an earlier session: ignored.
    if (!this.session.nodeDied(t.edgeNode, message.metrics)) return;
    const indexes = this.bindings.ofNode(t.edgeNode);
    if (indexes.length > 0)
      this.options.sink.stale(
        indexes,
        said('nodeDied', { edgeNode: t.edgeNode }, `edge node ${t.edgeNode} died (NDEATH)`),
      );
  }

  private deviceDeath(t: SparkplugTopic, device: string): void {
    this.session.deviceDied(t.edgeNode, device);
    const indexes = this.bindings.ofDevice(t.edgeNode, device);
    if (indexes.length > 0)
      this.options.sink.stale(
        indexes,
        said('deviceDied', { edgeNode: t.edgeNode, device }, `${placeOf(t)} died (DDEATH)`),
      );
  }

  private rebirth(edgeNode: string, report: () => void): void {
    if (!this.session.mayAskRebirth(edgeNode, this.now())) return;
    report();
    this.options
      .askRebirth(edgeNode)
      .catch((error: Error) =>
        this.options.sink.problem(
          said(
            'rebirthRequestFailed',
            { edgeNode, detail: error.message },
            `could not ask edge node ${edgeNode} for a rebirth: ${error.message}`,
          ),
        ),
      );
  }

  private reportUnknownOnce(key: string, problem: Said): void {
    if (this.reportedUnknown.has(key)) return;
    this.reportedUnknown.add(key);
    this.options.sink.unknownMetric(problem);
  }
}
