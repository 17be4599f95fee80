// Plain JSON topics: each bound topic is subscribed once; one payload may feed several bindings through JSON
// pointers into it.
import { compile } from 'jsonpointer';
import { said, withCause } from '../../../../core/text/phrase';
import type { ConnectorContext, ConnectorSink } from '../connector';
import { readJsonTimestamp } from './json-timestamp';
import { oversizedPayload } from './payload-limit';
import type { TopicHandler } from './topic-handler';

interface TopicBinding {
  index: number;
  read: (payload: unknown) => unknown;
  timestampPointer: string | undefined;
}

/** A reader for a JSON pointer; "" is the whole payload (jsonpointer refuses non-objects for it). */
function pointerReader(pointer: string): (payload: unknown) => unknown {
  if (pointer === '') return (payload) => payload;
  const compiled = compile(pointer);
  return (payload) => {
    if (typeof payload !== 'object' || payload === null) return undefined;
    const found: unknown = compiled.get(payload);
    // "/toString" must not find Object.prototype's method.
    return typeof found === 'function' ? undefined : found;
  };
}

/**
 * A pointer that finds nothing gives the pipeline a raw `undefined`: it names the tag ("has no value") and
 * shows the binding's topic and pointer, so no separate problem is reported here. A timestamp that cannot be
 * read is a bad payload (naming topic and pointer); the value still goes through with the arrival time.
 */
export class JsonTopics implements TopicHandler {
  readonly subscriptions: readonly string[];
  private readonly byTopic = new Map<string, TopicBinding[]>();
  private readonly timestampReaders = new Map<string, (payload: unknown) => unknown>();
  /** Unbound topics are reported once each, so the count says how many there are, not how often they speak. */
  private readonly reportedUnknown = new Set<string>();

  constructor(
    bindings: ConnectorContext['bindings'],
    private readonly sink: ConnectorSink,
  ) {
    for (const { index, binding } of bindings) {
      if (binding.topic === undefined) continue;
      const list = this.byTopic.get(binding.topic) ?? [];
      list.push({ index, read: pointerReader(binding.value ?? ''), timestampPointer: binding.timestamp });
      this.byTopic.set(binding.topic, list);
      if (binding.timestamp !== undefined && !this.timestampReaders.has(binding.timestamp))
        this.timestampReaders.set(binding.timestamp, pointerReader(binding.timestamp));
    }
    this.subscriptions = [...this.byTopic.keys()];
  }

  handle(topic: string, payload: Buffer): void {
    this.sink.message();
    const targets = this.byTopic.get(topic);
    if (!targets) {
      if (!this.reportedUnknown.has(topic)) {
        this.reportedUnknown.add(topic);
        this.sink.unknownMetric(said('unboundTopic', { topic }, `topic ${topic} is not bound to any tag`));
      }
      return;
    }
    const tooLarge = oversizedPayload(topic, payload);
    if (tooLarge) return this.sink.badPayload(tooLarge);
    let document: unknown;
    try {
      document = JSON.parse(payload.toString('utf8'));
    } catch (error) {
      const detail = (error as Error).message;
      return this.sink.badPayload(
        said('payloadNotJson', { topic, detail }, `payload at ${topic} is not JSON: ${detail}`),
      );
    }
    const timestamps = new Map<string, number | null>();
    for (const target of targets) {
      const pointer = target.timestampPointer;
      let sourceTs: number | null = null;
      if (pointer !== undefined) {
        if (!timestamps.has(pointer)) timestamps.set(pointer, this.timestampAt(topic, pointer, document));
        sourceTs = timestamps.get(pointer) ?? null;
      }
      this.sink.value(target.index, target.read(document), sourceTs, 'good');
    }
  }

  private timestampAt(topic: string, pointer: string, document: unknown): number | null {
    const read = this.timestampReaders.get(pointer);
    const timestamp = readJsonTimestamp(read?.(document));
    if (timestamp.ok) return timestamp.ms;
    const message = `payload at ${topic}: timestamp ${pointer || '(whole payload)'} ${timestamp.problem}; used the arrival time`;
    this.sink.badPayload(
      pointer
        ? said('payloadTimestamp', withCause({ topic, pointer }, timestamp.cause), message)
        : said('payloadWholeTimestamp', withCause({ topic }, timestamp.cause), message),
    );
    return null;
  }
}
