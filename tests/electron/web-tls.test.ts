import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { createTwinBackend } from '../../electron/services/twin-backend';
import { ensureSelfSignedCertificate } from '../../electron/web/tls';
import { createAccessTokens } from '../../electron/web/token';
import { startWebServer } from '../../electron/web/web-server';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-web-tls-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** GET over HTTPS accepting the self-signed certificate; answers status, cookie and the certificate's fingerprint. */
function httpsGet(url: string): Promise<{ status: number; setCookie: string[]; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], fingerprint }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web mode over TLS', () => {
  it('serves HTTPS with the certificate whose fingerprint it printed, made once and reused', async () => {
    const tls = ensureSelfSignedCertificate(dataDir, ['127.0.0.1']);
    expect(tls.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(ensureSelfSignedCertificate(dataDir, ['127.0.0.1']).fingerprint256).toBe(tls.fingerprint256);
    const rendererDir = path.join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Twinscape</title>');
    const backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, seed: 1 });
    const tokens = createAccessTokens();
    const server = await startWebServer({
      backend,
      rendererDir,
      host: '127.0.0.1',
      port: 0,
      access: { tokens, tls },
    });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/\?token=/);
      const page = await httpsGet(server.url);
      expect(page.status).toBe(200);
      expect(page.fingerprint).toBe(tls.fingerprint256);
      expect(page.setCookie[0]).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
      expect((await httpsGet(`${server.origin}/`)).status).toBe(403);
    } finally {
      await server.close();
      await backend.dispose();
    }
  });
});
