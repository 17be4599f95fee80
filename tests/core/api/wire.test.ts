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
