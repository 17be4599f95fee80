import { describe, expect, it } from 'vitest';
import {
  ConnectionLimits,
  DEFAULT_TRANSPORT_LIMITS,
  resolveTransportLimits,
} from '../../electron/transport/connection-limits';

function limitsAt(overrides: Parameters<typeof resolveTransportLimits>[0]) {
  const clock = { ms: 0 };
  return { clock, limits: new ConnectionLimits(resolveTransportLimits(overrides), () => clock.ms) };
}

describe('per-connection request limits', () => {
  it('admits up to maxInFlight calls at once and one more after a reply', () => {
    const { limits } = limitsAt({ maxInFlight: 2 });
    expect(limits.admit('getSession').ok).toBe(true);
    expect(limits.admit('getSession').ok).toBe(true);
    expect(limits.admit('historyAt')).toEqual({
      ok: false,
      error:
        'historyAt refused: too many requests in flight (2 calls wait for replies, limit 2); ' +
        'wait for replies before sending more',
    });
    limits.settle();
    expect(limits.admit('historyAt').ok).toBe(true);
  });

  it('allows a burst, then the sustained rate as time passes', () => {
    const { clock, limits } = limitsAt({ requestBurst: 3, requestsPerSecond: 10 });
    const burst = Array.from({ length: 4 }, () => limits.admit('getSession').ok);
    burst.forEach(() => limits.settle());
    expect(burst).toEqual([true, true, true, false]);
    clock.ms += 100;
    expect(limits.admit('getSession').ok).toBe(true);
    expect(limits.admit('getSession').ok).toBe(false);
  });

  it('tolerates refusals up to the burst, then asks for the connection to be closed', () => {
    const { clock, limits } = limitsAt({ refusalBurst: 2, refusalsPerSecond: 1 });
    expect([limits.tolerateRefusal(), limits.tolerateRefusal(), limits.tolerateRefusal()]).toEqual([
      true,
      true,
      false,
    ]);
    clock.ms += 1000;
    expect(limits.tolerateRefusal()).toBe(true);
  });

  it('defaults to 8 MiB messages and 64 calls in flight, and names a bad limit', () => {
    expect(DEFAULT_TRANSPORT_LIMITS.maxMessageBytes).toBe(8 * 1024 * 1024);
    expect(DEFAULT_TRANSPORT_LIMITS.maxInFlight).toBe(64);
    expect(() => resolveTransportLimits({ maxInFlight: 0 })).toThrow(
      'WebSocket transport limit maxInFlight must be a positive number, got 0',
    );
  });
});
