import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetModelFile } from '../../core/api/domains/asset-model';
import type { TwinMethod } from '../../core/api/schemas';
import type { LoadAssetResult, SessionInfo } from '../../core/api/types';
import { createTwinBackend, type TwinBackend } from '../../electron/services/twin-backend';
import { readModelForRequest } from '../../electron/services/asset-model';

const EXAMPLE = path.resolve('assets/examples/pump-skid-glb/asset.json');
const exampleText = readFileSync(EXAMPLE, 'utf8');
const glb = readFileSync(path.resolve('assets/examples/pump-skid-glb/pump-skid.glb'));

let backend: TwinBackend;
let dataDir: string;

async function call<T>(method: TwinMethod, payload: unknown): Promise<T> {
  const r = await backend.invoke(method, payload);
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twin-glb-'));
  backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, assetPath: EXAMPLE });
});

afterAll(async () => {
  await backend.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GLB asset models in the backend', () => {
  it('reads the GLB beside an asset started with --asset and serves it', async () => {
    expect((await call<SessionInfo>('getSession', {})).asset.id).toBe('pump-skid-glb');
    const file = await call<AssetModelFile>('getAssetModel', {});
    expect(file.fileName).toBe('pump-skid.glb');
    expect(Buffer.from(file.base64, 'base64').equals(glb)).toBe(true);
  });

  it('rejects a GLB asset sent without its GLB, naming `model`, and keeps the running asset', async () => {
    await call('loadAsset', {
      fileName: 'built-in.json',
      text: readFileSync('assets/pump-skid/asset.json', 'utf8'),
    });
    const r = await call<LoadAssetResult>('loadAsset', { fileName: 'asset.json', text: exampleText });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.path).toBe('model');
      expect(r.problems[0]?.message).toMatch(/"pump-skid\.glb", which was not supplied/);
    }
    expect((await call<SessionInfo>('getSession', {})).asset.id).toBe('pump-skid');
    await expect(call('getAssetModel', {})).rejects.toThrow(/has no GLB model.*procedural:pump-skid/);
  });

  it('rejects bytes that are not a GLB', async () => {
    const modelBase64 = Buffer.from('{"asset":{"version":"2.0"}}').toString('base64');
    const r = await call<LoadAssetResult>('loadAsset', {
      fileName: 'asset.json',
      text: exampleText,
      modelBase64,
    });
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'model', message: expect.stringMatching(/not a binary glTF/) as unknown as string },
    ]);
  });

  it('loads a GLB asset sent with its bytes (browser and desktop menu)', async () => {
    const modelBase64 = await readModelForRequest(EXAMPLE, exampleText);
    expect(modelBase64).toBe(glb.toString('base64'));
    const r = await call<LoadAssetResult>('loadAsset', {
      fileName: 'asset.json',
      text: exampleText,
      modelBase64,
    });
    expect(r.ok).toBe(true);
    expect((await call<AssetModelFile>('getAssetModel', {})).base64).toBe(modelBase64);
  });

  it('refuses to start with --asset when the GLB is not beside the asset file', async () => {
    const copy = path.join(dataDir, 'lonely.json');
    writeFileSync(copy, exampleText);
    await expect(
      createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, assetPath: copy }),
    ).rejects.toThrow(/model "pump-skid\.glb" cannot be read/);
  });
});
