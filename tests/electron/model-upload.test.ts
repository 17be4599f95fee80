// GLB models over one WebSocket message, sent by the renderer's own client to a real web-mode server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { MAX_MODEL_BYTES } from '../../core/api/domains/asset-model';
import { MAX_WIRE_MESSAGE_BYTES } from '../../core/api/wire';
import { createWebSocketClient, type WebSocketTwinClient } from '../../renderer/src/api/ws-client';
import { sessionStore } from '../../renderer/src/state/session-store';
import { loadAssetFiles } from '../../renderer/src/state/twin-actions';
import { createTwinBackend, type TwinBackend } from '../../electron/services/twin-backend';
import { createAccessTokens } from '../../electron/web/token';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { buildGlb, triangleBin, triangleGltf } from '../core/glb/glb-builder';

/** The browser sends its page's origin; ws needs to be told. */
class PageWebSocket extends NodeWebSocket {
  constructor(url: string) {
    super(url, { origin: new URL(url.replace(/^ws/, 'http')).origin });
  }
}

const IDLE_MS = 1500;
const assetText = readFileSync('assets/examples/pump-skid-glb/asset.json', 'utf8');

/** A valid one-triangle GLB whose BIN chunk is padded to `bytes`, so it needs several messages. */
function largeGlb(bytes: number): Uint8Array<ArrayBuffer> {
  const gltf = triangleGltf();
  gltf.buffers[0]!.byteLength = bytes;
  const bin = new Uint8Array(bytes);
  bin.set(triangleBin());
  return new Uint8Array(buildGlb({ json: gltf, bin }));
}

let dataDir: string;
let backend: TwinBackend;
let server: WebServer;
let client: WebSocketTwinClient;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-model-upload-'));
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Twinscape</title>');
  backend = await createTwinBackend({
    host: 'web',
    appRoot: process.cwd(),
    dataDir,
    uploadIdleMs: IDLE_MS,
  });
  const tokens = createAccessTokens();
  server = await startWebServer({ backend, rendererDir, host: '127.0.0.1', port: 0, access: { tokens } });
  vi.stubGlobal('WebSocket', PageWebSocket);
  client = createWebSocketClient(`${server.origin.replace(/^http/, 'ws')}/api?token=${tokens.operator}`);
  // The renderer's actions reach the backend through this client, as in a browser tab.
  vi.stubGlobal('window', { twin: client });
});

afterAll(async () => {
  client.disconnect();
  vi.unstubAllGlobals();
  await server.close();
  await backend.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('opening an asset whose GLB is larger than one WebSocket message', () => {
  it('sends the GLB in chunks, shows progress, and the asset opens with that model', async () => {
    const glb = largeGlb(10_000_000);
    expect(glb.length).toBeGreaterThan(MAX_WIRE_MESSAGE_BYTES);
    const progress: number[] = [];
    const unsubscribe = sessionStore.subscribe((s) => {
      if (s.upload) progress.push(s.upload.sent / s.upload.total);
    });
    await loadAssetFiles([new File([assetText], 'asset.json'), new File([glb], 'pump-skid.glb')]);
    unsubscribe();
    expect(sessionStore.getState().notices.map((n) => n.message)).toEqual([]);
    expect(sessionStore.getState().assetError).toBeNull();
    expect(sessionStore.getState().upload).toBeNull();
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect((await client.getSession({})).asset.id).toBe('pump-skid-glb');
    const served = Buffer.from((await client.getAssetModel({})).base64, 'base64');
    expect(served.equals(Buffer.from(glb))).toBe(true);
  }, 60_000);

  it('refuses a GLB over 32 MB, in the browser and at the backend, saying the limit', async () => {
    await loadAssetFiles([
      new File([assetText], 'asset.json'),
      new File([new Uint8Array(MAX_MODEL_BYTES + 1)], 'pump-skid.glb'),
    ]);
    expect(sessionStore.getState().notices.at(-1)?.message).toBe(
      'Could not read asset.json: pump-skid.glb is 32.0 MB; GLB models are limited to 32 MB',
    );
    await expect(client.modelUploadBegin({ fileName: 'huge.glb', size: 33_000_000 })).rejects.toThrow(
      'GLB model is larger than 32 MB',
    );
    const { uploadId } = await client.modelUploadBegin({ fileName: 'liar.glb', size: 4 });
    await expect(
      client.modelUploadChunk({ uploadId, index: 0, base64: Buffer.from('glTF2').toString('base64') }),
    ).rejects.toThrow('liar.glb: more than the declared 4 bytes arrived; GLB upload dropped');
  });

  it('frees an upload left idle, so neither a late chunk nor loadAsset can use it', async () => {
    const glb = largeGlb(4_000_000);
    const { uploadId, chunkBytes } = await client.modelUploadBegin({
      fileName: 'pump-skid.glb',
      size: glb.length,
    });
    const chunk = (index: number) =>
      Buffer.from(glb.subarray(index * chunkBytes, (index + 1) * chunkBytes)).toString('base64');
    await client.modelUploadChunk({ uploadId, index: 0, base64: chunk(0) });
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 500));
    const gone = `no open GLB upload "${uploadId}" (it ended, failed or sat idle too long): open the asset again`;
    await expect(client.modelUploadChunk({ uploadId, index: 1, base64: chunk(1) })).rejects.toThrow(gone);
    await expect(
      client.loadAsset({ fileName: 'asset.json', text: assetText, modelUploadId: uploadId }),
    ).rejects.toThrow(gone);
  });
});
