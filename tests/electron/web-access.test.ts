import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/api/domains/audit';
import type { SessionInfo } from '../../core/api/types';
import { createTwinBackend, type TwinBackend } from '../../electron/services/twin-backend';
import { checkRemoteExposure } from '../../electron/web/remote-policy';
import { createAccessTokens, type AccessTokens } from '../../electron/web/token';
import { parseWebOptions } from '../../electron/web/web-options';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { callOver, httpGet, openSocket } from './web-client';

let dataDir: string;
let backend: TwinBackend;
let server: WebServer;
let tokens: AccessTokens;
let port: number;
let self: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-web-access-'));
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Twinscape</title>');
  backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, seed: 1, speed: 1 });
  tokens = createAccessTokens();
  server = await startWebServer({ backend, rendererDir, host: '127.0.0.1', port: 0, access: { tokens } });
  port = Number(new URL(server.origin).port);
  self = `127.0.0.1:${port}`;
});

afterAll(async () => {
  await server.close();
  await backend.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('web mode refuses requests that are not for this server', () => {
  it('answers 403 to a rebound host name, even with a matching Origin and a valid token', async () => {
    const evil = `evil.example:${port}`;
    const page = await httpGet(port, `/?token=${tokens.operator}`, { host: evil, origin: `http://${evil}` });
    expect(page.status).toBe(403);
    expect(page.body).toContain(`Host "${evil}" is not an address of this server`);
    const socket = await openSocket(port, `/api?token=${tokens.operator}`, {
      host: evil,
      origin: `http://${evil}`,
    });
    expect(socket).toMatchObject({ opened: false, status: 403 });
  });

  it('answers 403 to a page from another site connecting to the API with a valid token', async () => {
    const socket = await openSocket(port, `/api?token=${tokens.operator}`, { origin: 'http://evil.example' });
    expect(socket).toMatchObject({ opened: false, status: 403 });
  });

  it('answers 403 without a token, and says where to find one', async () => {
    const page = await httpGet(port, '/', { host: self });
    expect(page.status).toBe(403);
    expect(page.body).toContain('open the address the server printed');
    const socket = await openSocket(port, '/api', { origin: `http://${self}` });
    expect(socket).toMatchObject({ opened: false, status: 403 });
    const wrong = await openSocket(port, '/api?token=guess', { origin: `http://${self}` });
    expect(wrong).toMatchObject({ opened: false, status: 403 });
  });

  it('accepts the loopback names with this port', async () => {
    for (const host of [self, `localhost:${port}`, `[::1]:${port}`])
      expect((await httpGet(port, `/?token=${tokens.viewer}`, { host })).status).toBe(200);
  });
});

describe('the token and its cookie', () => {
  it('trades the printed address for an HttpOnly, SameSite=Strict cookie that the API accepts', async () => {
    expect(server.url).toBe(`${server.origin}/?token=${tokens.operator}`);
    const page = await httpGet(port, new URL(server.url).pathname + new URL(server.url).search, {
      host: self,
    });
    expect(page.status).toBe(200);
    const cookie = page.setCookie.find((c) => c.startsWith(`twinscape-token-${port}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const pair = (cookie ?? '').split(';')[0] ?? '';
    expect((await httpGet(port, '/', { host: self, cookie: pair })).status).toBe(200);
    const socket = await openSocket(port, '/api', { origin: `http://${self}`, cookie: pair });
    if (!socket.opened) throw new Error(`the cookie was refused: ${socket.status} ${socket.body}`);
    const session = await callOver(socket.socket, 'getSession', {});
    socket.socket.close();
    expect(session.ok && (session.value as SessionInfo).role).toBe('operator');
  });
});

describe('roles', () => {
  it('lets a viewer look but refuses a setpoint change, saying why', async () => {
    const socket = await openSocket(port, `/api?token=${tokens.viewer}`, { origin: `http://${self}` });
    if (!socket.opened) throw new Error(`viewer refused: ${socket.status}`);
    const session = await callOver(socket.socket, 'getSession', {});
    expect(session.ok && (session.value as SessionInfo).role).toBe('viewer');
    const control = await callOver(socket.socket, 'setControl', { controlId: 'speed', value: 50 });
    socket.socket.close();
    expect(control).toEqual({
      ok: false,
      error: 'setControl needs the operator role; this session is a viewer',
    });
  });

  it("records an operator's setpoint change, and a viewer's refused one, in the audit trail", async () => {
    const operator = await openSocket(port, `/api?token=${tokens.operator}`, { origin: `http://${self}` });
    if (!operator.opened) throw new Error(`operator refused: ${operator.status}`);
    const session = await callOver(operator.socket, 'getSession', {});
    const controlId = (session.ok && (session.value as SessionInfo).asset.controls[0]?.id) || 'none';
    const before = Date.now();
    expect((await callOver(operator.socket, 'setControl', { controlId, value: 40 })).ok).toBe(true);
    const listed = await callOver(operator.socket, 'listAudit', { from: before });
    operator.socket.close();
    if (!listed.ok) throw new Error(listed.error);
    const entries = listed.value as AuditEntry[];
    expect(entries[0]).toMatchObject({
      method: 'setControl',
      role: 'operator',
      ok: true,
      error: null,
      summary: JSON.stringify({ controlId, value: 40 }),
    });
    expect(entries[0]?.client).toMatch(/^web /);
    const all = await backend.invoke('listAudit', { limit: 50 });
    const refused = all.ok ? (all.value as AuditEntry[]).find((e) => e.role === 'viewer') : undefined;
    expect(refused).toMatchObject({ method: 'setControl', ok: false });
  });
});

describe('listening beyond this machine', () => {
  it('refuses --host 0.0.0.0 without --allow-remote, naming the flag', () => {
    expect(() => checkRemoteExposure(parseWebOptions(['--host', '0.0.0.0'], {}))).toThrow(
      /refusing to listen on 0\.0\.0\.0: other machines could reach it\. Pass --allow-remote/,
    );
  });

  it('refuses plain HTTP on the network even with --allow-remote, unless TLS or a proxy is named', () => {
    const remote = ['--host', '0.0.0.0', '--allow-remote'];
    expect(() => checkRemoteExposure(parseWebOptions(remote, {}))).toThrow(/Add --tls .* or --behind-proxy/);
    expect(() => checkRemoteExposure(parseWebOptions([...remote, '--tls'], {}))).not.toThrow();
    expect(() => checkRemoteExposure(parseWebOptions([...remote, '--behind-proxy'], {}))).not.toThrow();
    expect(() => checkRemoteExposure(parseWebOptions(['--host', 'localhost'], {}))).not.toThrow();
  });
});
