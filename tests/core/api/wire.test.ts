import { describe, expect, it } from 'vitest';
import { parseClientMessage, parseServerMessage } from '../../../core/api/wire';

describe('WebSocket wire format', () => {
  it('accepts a well-formed call', () => {
    const r = parseClientMessage(
      JSON.stringify({ id: 3, method: 'setControl', payload: { controlId: 'speed_setpoint', value: 45 } }),
    );
    expect(r.ok).toBe(true);
  });

  it('rejects unknown methods and broken JSON with a message naming the problem', () => {
    const unknown = parseClientMessage(JSON.stringify({ id: 1, method: 'shutdownPlant', payload: {} }));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatch(/method/);
    const broken = parseClientMessage('{"id":1,');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/not valid JSON/);
  });

  it('keeps the id of a readable call that is refused, so the caller can be answered', () => {
    expect(parseClientMessage(JSON.stringify({ id: 7, method: 'shutdownPlant', payload: {} }))).toEqual({
      ok: false,
      problem: 'bad-request',
      error: 'bad request: unknown method "shutdownPlant"',
      id: 7,
    });
    const extra = parseClientMessage(JSON.stringify({ id: 8, method: 'getSession', payload: {}, sudo: 1 }));
    expect(extra).toMatchObject({ ok: false, problem: 'bad-request', id: 8 });
    expect(parseClientMessage(JSON.stringify({ id: -1, method: 'getSession' }))).toMatchObject({ id: null });
    expect(parseClientMessage(JSON.stringify([1, 2]))).toMatchObject({ problem: 'bad-request', id: null });
    expect(parseClientMessage('not json')).toMatchObject({ problem: 'not-json', id: null });
  });

  it('parses results and events from the backend', () => {
    expect(
      parseServerMessage(JSON.stringify({ kind: 'result', id: 1, result: { ok: false, error: 'x' } })).ok,
    ).toBe(true);
    expect(parseServerMessage(JSON.stringify({ kind: 'event', event: { type: 'sim', status: {} } })).ok).toBe(
      true,
    );
    expect(parseServerMessage(JSON.stringify({ kind: 'gossip' })).ok).toBe(false);
  });
});
