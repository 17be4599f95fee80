// OPC UA connector: unreachable endpoints, a server that goes away and comes back, and a clean stop.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOpcuaConnector } from '../../../electron/services/live/opcua/opcua-connector';
import { freePort, nodeIdOf, startTestOpcuaServer } from '../../support/opcua-server';
import { startTcpProxy } from '../../support/tcp-proxy';
import { opcuaTestContext, tempDataDir } from './opcua-harness';

let data: ReturnType<typeof tempDataDir>;

beforeAll(() => {
  data = tempDataDir();
});
afterAll(() => data?.remove());

/** Handles (sockets, timers…) alive now, by kind. */
const activeResources = () =>
  process.getActiveResourcesInfo().reduce<Record<string, number>>((count, kind) => {
    count[kind] = (count[kind] ?? 0) + 1;
    return count;
  }, {});

describe('OPC UA connector: reconnection', () => {
  it.each(['None', 'SignAndEncrypt'] as const)(
    'says nothing is listening, retries, and stops promptly without leaving sockets or timers (%s)',
    async (security) => {
      const url = `opc.tcp://127.0.0.1:${await freePort()}`;
      const before = activeResources();
      const { context, sink } = opcuaTestContext({ url, nodes: ['flow'], dataDir: data.dir, security });
      const connector = createOpcuaConnector(context);
      connector.start();
      await vi.waitFor(
        () =>
          expect(sink.states).toContainEqual({
            state: 'reconnecting',
            error: `nothing is listening at ${url} (connection refused)`,
            nextRetryAt: expect.any(Number),
            at: expect.any(Number),
          }),
        { timeout: 15_000, interval: 50 },
      );
      expect(sink.states[0]).toMatchObject({ state: 'connecting' });

      const stopping = Date.now();
      await connector.stop();
      expect(Date.now() - stopping).toBeLessThan(3000);
      expect(sink.lastState).toMatchObject({ state: 'disconnected' });
      await vi.waitFor(() => {
        const after = activeResources();
        expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
        expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
      });
      const statesAtStop = sink.states.length;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(sink.states.length).toBe(statesAtStop);
      expect(sink.values).toEqual([]);
    },
    30_000,
  );

  it('goes reconnecting when the server stops and resumes values after it restarts on the same port', async () => {
    const server = await startTestOpcuaServer();
    const { context, sink } = opcuaTestContext({
      url: server.url,
      nodes: ['flow', 'motor_speed'],
      dataDir: data.dir,
    });
    const connector = createOpcuaConnector(context);
    try {
      connector.start();
      await vi.waitFor(() => expect(sink.goodValuesSince(0, 0).length).toBeGreaterThan(0), {
        timeout: 20_000,
        interval: 50,
      });
      expect(sink.lastState?.state).toBe('connected');

      await server.stop();
      await vi.waitFor(() => expect(sink.lastState?.state).toBe('reconnecting'), {
        timeout: 10_000,
        interval: 50,
      });
      expect(sink.lastState?.error).toBe(`lost the connection to ${server.url}`);
      await expect(
        connector.write(
          {
            control: 'speed_setpoint',
            connection: 'plc',
            nodeId: nodeIdOf('speed_setpoint'),
            writable: true,
          },
          40,
        ),
      ).rejects.toThrow(
        `OPC UA ${nodeIdOf('speed_setpoint')}: not connected to ${server.url}, nothing was written`,
      );
      // While it is down, each retry says why and when the next one comes.
      await vi.waitFor(
        () =>
          expect(sink.lastState).toMatchObject({
            state: 'reconnecting',
            error: `nothing is listening at ${server.url} (connection refused)`,
            nextRetryAt: expect.any(Number),
          }),
        { timeout: 15_000, interval: 50 },
      );

      const restarted = Date.now();
      await server.restart();
      await vi.waitFor(
        () => {
          expect(sink.goodValuesSince(0, restarted).length).toBeGreaterThanOrEqual(2);
          expect(sink.goodValuesSince(1, restarted).length).toBeGreaterThanOrEqual(2);
        },
        { timeout: 25_000, interval: 100 },
      );
      await vi.waitFor(() => expect(sink.lastState?.state).toBe('connected'), {
        timeout: 5000,
        interval: 50,
      });
      expect(server.sessionsCreated).toBe(2);
    } finally {
      await connector.stop();
      await server.dispose();
    }
  }, 45_000);

  it('keeps its session and subscription through a network blip while the server keeps running', async () => {
    const serverPort = await freePort();
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: serverPort });
    const server = await startTestOpcuaServer({
      port: serverPort,
      advertisedUrls: [`opc.tcp://127.0.0.1:${proxy.port}`],
    });
    const { context, sink } = opcuaTestContext({
      url: `opc.tcp://127.0.0.1:${proxy.port}`,
      nodes: ['flow'],
      dataDir: data.dir,
    });
    const connector = createOpcuaConnector(context);
    try {
      connector.start();
      await vi.waitFor(() => expect(sink.goodValuesSince(0, 0).length).toBeGreaterThan(0), {
        timeout: 20_000,
        interval: 50,
      });
      proxy.cut();
      await vi.waitFor(() => expect(sink.lastState?.state).toBe('reconnecting'), {
        timeout: 10_000,
        interval: 20,
      });
      const cutAt = Date.now();
      await vi.waitFor(() => expect(sink.goodValuesSince(0, cutAt).length).toBeGreaterThanOrEqual(2), {
        timeout: 20_000,
        interval: 100,
      });
      // Values may flow a moment before node-opcua reports the session repaired.
      await vi.waitFor(() => expect(sink.lastState?.state).toBe('connected'), {
        timeout: 5000,
        interval: 20,
      });
      expect(sink.problems).toEqual([]);
      // node-opcua reactivated the same session on a new channel rather than starting over.
      expect(server.sessionsCreated).toBe(1);
    } finally {
      await connector.stop();
      await proxy.close();
      await server.dispose();
    }
  }, 45_000);
});
