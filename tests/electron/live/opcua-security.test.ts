// OPC UA connector: SignAndEncrypt with a server certificate the user must trust, user names and passwords,
// and security settings the server does not offer.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../../../electron/services/live/connector';
import { clientPkiFolder } from '../../../electron/services/live/opcua/client-pki';
import { createOpcuaConnector } from '../../../electron/services/live/opcua/opcua-connector';
import { startTestOpcuaServer, type TestOpcuaServer } from '../../support/opcua-server';
import { opcuaTestContext, tempDataDir, type OpcuaTestContextOptions } from './opcua-harness';

let secureServer: TestOpcuaServer;
let passwordServer: TestOpcuaServer;
let data: ReturnType<typeof tempDataDir>;
const started: Connector[] = [];

beforeAll(async () => {
  data = tempDataDir();
  [secureServer, passwordServer] = await Promise.all([
    startTestOpcuaServer({ security: 'SignAndEncrypt' }),
    startTestOpcuaServer({ users: { operator: 's3cret' } }),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all(started.map((c) => c.stop()));
  await Promise.all([secureServer?.dispose(), passwordServer?.dispose()]);
  data?.remove();
});

function connect(options: Omit<OpcuaTestContextOptions, 'dataDir' | 'nodes'>) {
  const { context, sink } = opcuaTestContext({ ...options, nodes: ['flow'], dataDir: data.dir });
  const connector = createOpcuaConnector(context);
  started.push(connector);
  connector.start();
  return { connector, sink };
}

const waitForState = (sink: { lastState?: { state: string } | undefined }, state: string) =>
  vi.waitFor(() => expect(sink.lastState?.state).toBe(state), { timeout: 20_000, interval: 50 });

const pkiFiles = (folder: string) => {
  const full = path.join(clientPkiFolder(data.dir), folder);
  return existsSync(full) ? readdirSync(full).filter((f) => f.endsWith('.der') || f.endsWith('.pem')) : [];
};

describe('OPC UA connector: server certificate trust (SignAndEncrypt, Basic256Sha256)', () => {
  it('does not trust an unknown server certificate: reports its thumbprint and delivers nothing', async () => {
    const { connector, sink } = connect({ url: secureServer.url, security: 'SignAndEncrypt' });
    await waitForState(sink, 'failed');
    const thumbprint = secureServer.certificateThumbprint;
    expect(sink.certificates).toEqual([{ thumbprint, subject: expect.stringContaining('CN=') }]);
    expect(sink.lastState).toMatchObject({
      state: 'failed',
      error: `server certificate of ${secureServer.url} is not trusted yet (thumbprint ${thumbprint}); trust it in the Connections panel`,
    });
    expect(sink.values).toEqual([]);
    expect(pkiFiles('rejected')).toHaveLength(1);
    expect(pkiFiles('trusted/certs')).toHaveLength(0);

    // A wrong thumbprint is refused and changes nothing.
    await expect(
      connector.trust('00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33'),
    ).rejects.toThrow(
      `thumbprint 00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33 does not match the server certificate of ${secureServer.url} waiting to be trusted (${thumbprint})`,
    );
    expect(pkiFiles('trusted/certs')).toHaveLength(0);
    expect(sink.lastState?.state).toBe('failed');

    // The right one, however the user copied it, moves it to trusted/ and connects.
    await connector.trust(thumbprint.replace(/:/g, '').toUpperCase());
    expect(sink.certificates.at(-1)).toBeNull();
    await vi.waitFor(() => expect(sink.goodValuesSince(0, 0).length).toBeGreaterThanOrEqual(2), {
      timeout: 20_000,
      interval: 50,
    });
    expect(sink.lastState?.state).toBe('connected');
    expect(pkiFiles('trusted/certs')).toHaveLength(1);
    expect(pkiFiles('rejected')).toHaveLength(0);
    await connector.stop();
  }, 40_000);

  // Uses the certificate trusted by the test above (same data folder).
  it('refuses a trust when no certificate is waiting', async () => {
    const { connector, sink } = connect({ url: secureServer.url, security: 'SignAndEncrypt' });
    await waitForState(sink, 'connected');
    await expect(connector.trust(secureServer.certificateThumbprint)).rejects.toThrow(
      `no server certificate of ${secureServer.url} is waiting to be trusted`,
    );
    await connector.stop();
  }, 20_000);
});

describe('OPC UA connector: users and security settings', () => {
  it('says the server refused the user name or password', async () => {
    const { sink } = connect({ url: passwordServer.url, username: 'operator', password: 'wrong' });
    await waitForState(sink, 'failed');
    expect(sink.lastState?.error).toMatch(
      new RegExp(
        `^${passwordServer.url}: the server refused the user name or password \\(user "operator", Bad(UserAccessDenied|IdentityTokenRejected)\\)$`,
      ),
    );
    expect(sink.values).toEqual([]);
  });

  it('connects with the right password', async () => {
    const { sink } = connect({ url: passwordServer.url, username: 'operator', password: 's3cret' });
    await vi.waitFor(() => expect(sink.goodValuesSince(0, 0).length).toBeGreaterThan(0), { timeout: 20_000 });
  });

  it('says when a user name has no password', async () => {
    const { sink } = connect({ url: passwordServer.url, username: 'operator' });
    await waitForState(sink, 'failed');
    expect(sink.lastState?.error).toBe(`${passwordServer.url}: no password is set for user "operator"`);
  });

  it('says when the server does not offer the security mode and policy', async () => {
    const { sink } = connect({ url: passwordServer.url, security: 'SignAndEncrypt' });
    await waitForState(sink, 'failed');
    expect(sink.lastState?.error).toBe(
      `${passwordServer.url} does not offer security mode SignAndEncrypt with policy Basic256Sha256`,
    );
  });

  it('says when the server only offers a secured connection', async () => {
    const { sink } = connect({ url: secureServer.url });
    await waitForState(sink, 'failed');
    expect(sink.lastState?.error).toBe(
      `${secureServer.url} does not offer security mode None with policy None`,
    );
  });
});
