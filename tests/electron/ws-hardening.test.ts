import { createAccessTokens } from '../../electron/web/token';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../core/api/types';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { RawClient, startTestBackend, startTransportServer, type TestBackend } from './ws-harness';

let test: TestBackend;
let web: WebServer;
let rendererDir: string;

beforeAll(async () => {
  test = await startTestBackend();
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'twin-ws-renderer-'));
  web = await startWebServer({
    backend: test.backend,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    access: { tokens: createAccessTokens() },
  });
});

afterAll(async () => {
  await web.close();
  await test.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

async function connected(url: string): Promise<RawClient> {
  const client = new RawClient(url);
  await client.opened;
  return client;
}

async function expectStillServed(client: RawClient): Promise<void> {
  const session = await client.call('getSession');
  expect(session.ok).toBe(true);
  if (session.ok) expect((session.value as SessionInfo).asset.id).toBe('pump-skid');
  await client.telemetryAfter(2);
}

describe('web mode survives bad frames from one client', () => {
  it('closes a client that sends a 9 MiB message with 1009 while another keeps its answers and telemetry', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = await connected(web.url);
    const b = await connected(web.url);
    b.socket.send('x'.repeat(9 * 1024 * 1024));
    expect((await b.closed).code).toBe(1009);
    await expectStillServed(a);
    // The operator sees why the client was dropped; the server does not die of an unhandled 'error'.
    expect(warn).toHaveBeenCalledWith('Twinscape web: WebSocket client error: Max payload size exceeded');
    warn.mockRestore();
    a.socket.close();
  });

  it('closes a client that sends invalid UTF-8 or non-JSON text with 1007; others carry on', async () => {
    const a = await connected(web.url);
    const b = await connected(web.url);
    b.socket.send(Buffer.from([0xc3, 0x28, 0xff, 0xfe]), { binary: false });
    expect((await b.closed).code).toBe(1007);
    const c = await connected(web.url);
    c.socket.send('{"id":1,');
    expect((await c.closed).code).toBe(1007);
    expect(c.notices.join(' ')).toMatch(/not valid JSON/);
    await expectStillServed(a);
    a.socket.close();
  });

  it('answers an unknown method and a bad payload with an error reply carrying the request id', async () => {
    const a = await connected(web.url);
    const unknown = await a.callWithId(41, { id: 41, method: 'shutdownPlant', payload: {} });
    expect(unknown).toEqual({ ok: false, error: 'bad request: unknown method "shutdownPlant"' });
    const badPayload = await a.call('setControl', { controlId: 'speed_setpoint', value: 'fast' });
    expect(badPayload.ok).toBe(false);
    if (!badPayload.ok) expect(badPayload.error).toMatch(/invalid setControl request: value/);
    const extraField = await a.callWithId(42, { id: 42, method: 'getSession', payload: {}, admin: true });
    expect(extraField.ok).toBe(false);
    if (!extraField.ok) expect(extraField.error).toMatch(/bad request.*admin/);
    await expectStillServed(a);
    a.socket.close();
  });
});

describe('per-connection limits', () => {
  it('turns away a client beyond maxClients with 1013 and keeps serving the ones connected', async () => {
    const server = await startTransportServer(test.backend, { maxClients: 1 });
    const a = await connected(server.url);
    const b = new RawClient(server.url);
    expect(await b.closed).toEqual({ code: 1013, reason: 'too many clients (limit 1)' });
    await expectStillServed(a);
    a.socket.close();
    await server.close();
  });

  it('refuses calls beyond the in-flight limit with a clear error and serves them again once replies arrive', async () => {
    const server = await startTransportServer(test.backend, { maxInFlight: 3 });
    const client = await connected(server.url);
    // Client and server share this process: the 12 frames arrive in one read, all before any reply.
    const results = await Promise.all(Array.from({ length: 12 }, () => client.call('getSession')));
    const refused = results.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused)
      if (!r.ok) expect(r.error).toMatch(/getSession refused: too many requests in flight.*limit 3/);
    expect((await client.call('getSession')).ok).toBe(true);
    client.socket.close();
    await server.close();
  });

  it('refuses calls over the rate limit, then closes a client that keeps flooding with 1008', async () => {
    const server = await startTransportServer(test.backend, {
      requestsPerSecond: 5,
      requestBurst: 10,
      refusalBurst: 20,
      refusalsPerSecond: 1,
    });
    const client = await connected(server.url);
    const first = await Promise.all(Array.from({ length: 20 }, () => client.call('getSession')));
    expect(first.filter((r) => r.ok).length).toBeLessThanOrEqual(11);
    const refused = first.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error).toMatch(
      /getSession refused: too many requests per second \(limit 5\/s/,
    );
    for (let i = 0; i < 30; i++) void client.call('getSession');
    expect(await client.closed).toEqual({
      code: 1008,
      reason: expect.stringMatching(/too many refused requests/),
    });
    await server.close();
  });
});
