import { electron } from '../../setup-electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ORIGIN, isRendererUrl } from '../../../electron/shell/app-origin';
import {
  createAppRequestHandler,
  registerAppScheme,
  resolveAppFile,
  type AppFolders,
} from '../../../electron/shell/app-protocol';
import { contentSecurityPolicy } from '../../../electron/security/csp';

let root: string;
let folders: AppFolders;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'twin-app-protocol-'));
  folders = { rendererDir: join(root, 'dist/renderer'), modelsDir: join(root, 'models') };
  mkdirSync(join(folders.rendererDir, 'assets'), { recursive: true });
  mkdirSync(join(folders.modelsDir, 'pump-skid/health'), { recursive: true });
  writeFileSync(join(folders.rendererDir, 'index.html'), '<!doctype html><title>twin</title>');
  writeFileSync(join(folders.rendererDir, 'assets/tfjs-backend-wasm.wasm'), Uint8Array.of(0, 97, 115, 109));
  writeFileSync(join(folders.modelsDir, 'pump-skid/health/model.json'), '{"format":"layers-model"}');
  // Secrets beside the served folders, which no app:// URL may reach.
  writeFileSync(join(root, 'dist/secret.txt'), 'secret');
  writeFileSync(join(root, 'package.json'), '{"secret":true}');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('which pages count as the renderer', () => {
  it('accepts only the app://twinscape origin', () => {
    expect(isRendererUrl(`${APP_ORIGIN}/index.html?a=1#/history`)).toBe(true);
    expect(isRendererUrl('file:///app/dist/renderer/index.html')).toBe(false);
    expect(isRendererUrl('app://evil/index.html')).toBe(false);
    expect(isRendererUrl('app://twinscape.evil.example/index.html')).toBe(false);
    expect(isRendererUrl('app://user:pw@twinscape/index.html')).toBe(false);
    expect(isRendererUrl('http://localhost:5190/index.html')).toBe(false);
    expect(isRendererUrl('http://twinscape/index.html')).toBe(false);
    expect(isRendererUrl('not a url')).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme that supports fetch (models, wasm)', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
  });

  it('serves the page, wasm and models with their content types and the CSP', async () => {
    const handle = createAppRequestHandler(folders);
    const page = await handle(new Request(`${APP_ORIGIN}/`));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>twin</title>');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    const wasm = await handle(new Request(`${APP_ORIGIN}/assets/tfjs-backend-wasm.wasm`));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const model = await handle(new Request(`${APP_ORIGIN}/models/pump-skid/health/model.json`));
    expect(await model.json()).toEqual({ format: 'layers-model' });
  });

  it('refuses to leave its folders, however the path is written', async () => {
    const handle = createAppRequestHandler(folders);
    const escapes = [
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/models/..%2f..%2fpackage.json',
      '/models/%2e%2e/%2e%2e/package.json',
      '/..%5c..%5cpackage.json',
      `/${encodeURIComponent(join(root, 'package.json'))}`,
      '/C:%2fWindows%2fwin.ini',
      '/index.html%00.png',
      '/%E0%A4%A',
    ];
    for (const path of escapes) {
      const response = await handle(new Request(`${APP_ORIGIN}${path}`));
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('serves nothing for another host, a missing file or a write', async () => {
    const handle = createAppRequestHandler(folders);
    expect(resolveAppFile('app://evil/index.html', folders)).toBeNull();
    expect((await handle(new Request(`${APP_ORIGIN}/missing.js`))).status).toBe(404);
    expect((await handle(new Request(`${APP_ORIGIN}/assets/`))).status).toBe(404);
    expect(
      (await handle(new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });
});
