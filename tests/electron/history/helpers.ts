import { afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TelemetryBatch } from '../../../core/api/types';
import type { AssetDefinition } from '../../../core/asset/schema';
import { parseAssetJson } from '../../../core/asset/parse';

export const ROOT = path.resolve(__dirname, '../../..');

export function pumpSkid(): AssetDefinition {
  const file = path.join(ROOT, 'assets/pump-skid/asset.json');
  const parsed = parseAssetJson(fs.readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('asset does not parse');
  return parsed.asset;
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `twinscape-history-${label}-`));
}

/** n samples at 1 Hz from t0; tag k's value at sample i is k * 1000 + i (null where (i + k) % 97 === 0). */
export function makeBatch(asset: AssetDefinition, t0: number, n: number, start = 0): TelemetryBatch {
  const t = Array.from({ length: n }, (_, i) => t0 + (start + i) * 1000);
  const values = asset.tags.map((_, k) =>
    Array.from({ length: n }, (_, i) => ((start + i + k) % 97 === 0 ? null : k * 1000 + start + i)),
  );
  const quality = asset.tags.map((_, k) =>
    Array.from({ length: n }, (_, i) => ((start + i + k) % 97 === 0 ? 3 : (start + i) % 50 === 0 ? 1 : 0)),
  );
  return { assetId: asset.id, t, values, quality };
}

/** A maker of temporary folders, all removed after the test file (register it at the top level). */
export function tempDirsRemovedAfterAll(): (label: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });
  return (label) => {
    const d = tempDir(label);
    made.push(d);
    return d;
  };
}
