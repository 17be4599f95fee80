// Sparkplug B (spBv1.0) payloads: protobuf encode / decode through the Eclipse Tahu package.
import { get } from 'sparkplug-payload';

type Codec = NonNullable<ReturnType<typeof get>>;
export type SparkplugPayload = ReturnType<Codec['decodePayload']>;
export type SparkplugMetric = NonNullable<SparkplugPayload['metrics']>[number];

const codec = get('spBv1.0');
if (!codec) throw new Error('the sparkplug-payload package does not know the spBv1.0 namespace');
const spB: Codec = codec;

export const SPARKPLUG_NAMESPACE = 'spBv1.0';
export const REBIRTH_METRIC = 'Node Control/Rebirth';

export const decodeSparkplug = (payload: Uint8Array): SparkplugPayload => spB.decodePayload(payload);
export const encodeSparkplug = (payload: SparkplugPayload): Uint8Array => spB.encodePayload(payload);

interface LongLike {
  toNumber(): number;
}
const isLong = (value: unknown): value is LongLike =>
  typeof value === 'object' && value !== null && typeof (value as Partial<LongLike>).toNumber === 'function';

/** protobuf 64-bit integers arrive as Long objects; everything else is left as it is. */
export function plainValue(value: unknown): unknown {
  return isLong(value) ? value.toNumber() : value;
}

/** A uint64 field (timestamp, seq) as a number, or null when absent. */
export function plainNumber(value: unknown): number | null {
  const plain = plainValue(value);
  return typeof plain === 'number' && Number.isFinite(plain) ? plain : null;
}
