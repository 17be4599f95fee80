import { MAX_WIRE_MESSAGE_BYTES } from '../../core/api/wire';
import { TokenBucket, type Clock } from './token-bucket';

/** What one WebSocket client may do before its calls are refused or it is disconnected. */
export interface TransportLimits {
  /** Clients connected at once; one more is closed with 1013 (try again later). */
  maxClients: number;
  /** Largest message a client may send, in bytes; a larger one closes its socket with 1009. */
  maxMessageBytes: number;
  /** Calls a client may have waiting for replies at once; more are refused with an error reply. */
  maxInFlight: number;
  /** Calls per second a client may keep up; faster calls are refused with an error reply. */
  requestsPerSecond: number;
  /** Calls a client may send at once above that rate. */
  requestBurst: number;
  /** Refused messages (bad requests, calls over a limit) tolerated at once before closing with 1008. */
  refusalBurst: number;
  /** Refused messages per second tolerated in the long run. */
  refusalsPerSecond: number;
  /** Bytes queued for a client that does not read them, above which it is disconnected. */
  maxBufferedBytes: number;
}

export const DEFAULT_TRANSPORT_LIMITS: Readonly<TransportLimits> = {
  maxClients: 32,
  maxMessageBytes: MAX_WIRE_MESSAGE_BYTES,
  maxInFlight: 64,
  requestsPerSecond: 200,
  requestBurst: 400,
  refusalBurst: 50,
  refusalsPerSecond: 5,
  maxBufferedBytes: 64 * 1024 * 1024,
};

/** The defaults with `overrides` applied; throws naming the first limit that is not a positive number. */
export function resolveTransportLimits(overrides: Partial<TransportLimits> = {}): TransportLimits {
  const limits = { ...DEFAULT_TRANSPORT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits))
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0))
      throw new Error(`WebSocket transport limit ${name} must be a positive number, got ${String(value)}`);
  return limits;
}

export type Admission = { ok: true } | { ok: false; error: string };

/** One connection's in-flight count, request rate and tolerance for refused messages. */
export class ConnectionLimits {
  private inFlight = 0;
  private readonly requests: TokenBucket;
  private readonly refusals: TokenBucket;

  constructor(
    private readonly limits: TransportLimits,
    now?: Clock,
  ) {
    this.requests = new TokenBucket(limits.requestBurst, limits.requestsPerSecond, now);
    this.refusals = new TokenBucket(limits.refusalBurst, limits.refusalsPerSecond, now);
  }

  /** Admits one call (call `settle` when its reply is sent) or says which limit it exceeds. */
  admit(method: string): Admission {
    if (this.inFlight >= this.limits.maxInFlight)
      return {
        ok: false,
        error:
          `${method} refused: too many requests in flight (${this.inFlight} calls wait for replies, ` +
          `limit ${this.limits.maxInFlight}); wait for replies before sending more`,
      };
    if (!this.requests.take())
      return {
        ok: false,
        error:
          `${method} refused: too many requests per second (limit ${this.limits.requestsPerSecond}/s, ` +
          `bursts of ${this.limits.requestBurst}); slow down`,
      };
    this.inFlight++;
    return { ok: true };
  }

  /** An admitted call's reply was sent. */
  settle(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Counts one refused message; false once the client is refused so often that it should be disconnected. */
  tolerateRefusal(): boolean {
    return this.refusals.take();
  }
}
