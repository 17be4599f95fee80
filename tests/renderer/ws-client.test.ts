import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { TwinClientEvent } from '../../core/api/client-events';
import { oversizeRequestError, utf8ByteLength } from '../../renderer/src/api/request-size';
import { createWebSocketClient, type WebSocketTwinClient } from '../../renderer/src/api/ws-client';
import { startTestBackend, startTransportServer, type TestBackend } from '../electron/ws-harness';

/** The browser sends its page's origin; ws needs to be told. */
class PageWebSocket extends NodeWebSocket {
  constructor(url: string) {
    super(url, { origin: new URL(url.replace(/^ws/, 'http')).origin });
  }
}

let test: TestBackend;

beforeAll(async () => {
  vi.stubGlobal('WebSocket', PageWebSocket);
  test = await startTestBackend();
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await test.dispose();
});

function apiUrl(pageUrl: string): string {
  return new URL('api', pageUrl).href.replace(/^http/, 'ws');
}

function recordEvents(client: WebSocketTwinClient): TwinClientEvent[] {
  const events: TwinClientEvent[] = [];
  client.subscribe((e) => events.push(e));
  return events;
}

describe('the renderer WebSocket client', () => {
  it('rejects a request too large for one message without sending it, naming the method and both sizes', async () => {
    const server = await startTransportServer(test.backend);
    const client = createWebSocketClient(apiUrl(server.url));
    const events = recordEvents(client);
    expect((await client.getSession({})).asset.id).toBe('pump-skid');
    const text = JSON.stringify({ padding: 'x'.repeat(9 * 1024 * 1024) });
    await expect(client.loadAsset({ fileName: 'big.json', text })).rejects.toThrow(
      /^loadAsset was not sent: the request is 9\.4 MB, more than the 8\.4 MB one message/,
    );
    // The connection was never refused: no reconnect, nothing logged by the server, calls still answered.
    expect((await client.getSession({})).asset.id).toBe('pump-skid');
    expect(events.filter((e) => e.type === 'connection' && e.connection.kind === 'reconnecting')).toEqual([]);
    expect(server.logged).toEqual([]);
    client.disconnect();
    await server.close();
  });

  it('settles a refused call with the error and rejects the calls still waiting when the server closes with 1008', async () => {
    const server = await startTransportServer(test.backend, {
      requestsPerSecond: 0.01,
      requestBurst: 1,
      refusalBurst: 1,
      refusalsPerSecond: 0.01,
    });
    const client = createWebSocketClient(apiUrl(server.url));
    const events = recordEvents(client);
    expect((await client.getSession({})).asset.id).toBe('pump-skid');
    const outcomes = await Promise.all(
      Array.from({ length: 3 }, () =>
        client.getSession({}).then(
          () => 'answered',
          (e: Error) => e.message,
        ),
      ),
    );
    // Refused twice (the second refusal exhausts the tolerance of one), then the socket is closed.
    expect(outcomes[0]).toMatch(/^getSession refused: too many requests per second/);
    expect(outcomes[1]).toMatch(/^getSession refused: too many requests per second/);
    expect(outcomes[2]).toMatch(/closed the connection \(1008: too many refused requests/);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'notice', level: 'error', message: expect.stringMatching(/1008/) }),
    );
    client.disconnect();
    await server.close();
  });

  it('rejects a call whose reply never comes after the request timeout', async () => {
    const silent = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => silent.once('listening', resolve));
    const address = silent.address();
    if (typeof address !== 'object' || !address) throw new Error('the silent server has no address');
    const client = createWebSocketClient(`ws://127.0.0.1:${address.port}/api`, { requestTimeoutMs: 200 });
    await expect(client.getSession({})).rejects.toThrow(
      'getSession got no reply from the Twinscape backend within 0.2 s',
    );
    client.disconnect();
    silent.close();
    for (const s of silent.clients) s.terminate();
  });
});

describe('request size', () => {
  it('counts UTF-8 bytes as the wire does, for any text', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit: anyUnit }), (text) => {
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
    );
    expect(utf8ByteLength('😀é')).toBe(6);
  });

  it('lets a message of exactly the limit through and names the method of one byte more', () => {
    expect(oversizeRequestError('loadAsset', 'é'.repeat(50), 100)).toBeNull();
    expect(oversizeRequestError('loadAsset', `${'é'.repeat(50)}x`, 100)?.message).toBe(
      'loadAsset was not sent: the request is 0.0 MB, more than the 0.0 MB one message to the web backend may carry',
    );
  });
});
