import { createAccessTokens } from '../../../electron/web/token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSecurityPolicy, webSocketOriginOf } from '../../../electron/security/csp';
import { createTwinBackend, type TwinBackend } from '../../../electron/services/twin-backend';
import { startWebServer, type WebServer } from '../../../electron/web/web-server';

const connectSources = (csp: string) =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'connect-src')
    ?.slice(1);

describe('the renderer Content-Security-Policy (one source for both hosts)', () => {
  it('lets the desktop renderer connect to nothing but its own app:// origin', () => {
    expect(connectSources(contentSecurityPolicy())).toEqual(["'self'"]);
  });

  it('lets a web-mode page open only its own server’s WebSocket, not any local port', () => {
    const csp = contentSecurityPolicy({ webSocketOrigin: 'ws://127.0.0.1:5190' });
    expect(connectSources(csp)).toEqual(["'self'", 'ws://127.0.0.1:5190']);
    expect(csp).not.toMatch(/ws:\/\/[^\s;]*\*|ws:(\s|;|$)|localhost/);
  });

  it('blocks inline scripts, eval, plugins, frames and form posts', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'none'");
  });

  it('names the socket’s own address, bracketing IPv6 and unwrapping IPv4-mapped ones', () => {
    expect(webSocketOriginOf({ localAddress: '127.0.0.1', localPort: 5190 })).toBe('ws://127.0.0.1:5190');
    expect(webSocketOriginOf({ localAddress: '::ffff:127.0.0.1', localPort: 80 })).toBe('ws://127.0.0.1:80');
    expect(webSocketOriginOf({ localAddress: '::1', localPort: 5190 })).toBe('ws://[::1]:5190');
    expect(webSocketOriginOf({})).toBeUndefined();
  });
});

describe('web mode', () => {
  let dataDir: string;
  let rendererDir: string;
  let backend: TwinBackend;
  let server: WebServer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'twin-csp-data-'));
    rendererDir = mkdtempSync(join(tmpdir(), 'twin-csp-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir });
    server = await startWebServer({
      backend,
      rendererDir,
      host: '127.0.0.1',
      port: 0,
      access: { tokens: createAccessTokens() },
    });
  });

  afterAll(async () => {
    await server.close();
    await backend.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it('serves the page with the shared policy naming exactly its own WebSocket origin', async () => {
    const page = new URL('index.html', server.url);
    page.search = new URL(server.url).search;
    const response = await fetch(page);
    expect(response.status).toBe(200);
    const { port } = new URL(server.url);
    expect(response.headers.get('content-security-policy')).toBe(
      contentSecurityPolicy({ webSocketOrigin: `ws://127.0.0.1:${port}` }),
    );
  });
});
