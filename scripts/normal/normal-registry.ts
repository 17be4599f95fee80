/**
 * Normal-behaviour model versions in the data folder, for the CLI and `npm run eval`: the backend's own
 * registry store (electron/services/normal-models), so the CLI and the app read and write the same files.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  isNormalVersionId,
  normalModelDir,
  normalModelFile,
  type NormalModelCard,
} from '../../core/ml/normal';
import { NormalRegistryStore } from '../../electron/services/normal-models/normal-registry-store';

export { defaultDataDir } from '../../electron/services/data-dir';

/** Saves a card as a new version; refuses to overwrite one (two trainings in the same second). */
export function saveNormalVersion(
  dataDir: string,
  assetId: string,
  card: NormalModelCard,
): { id: string; file: string } {
  const id = new NormalRegistryStore(dataDir).save(assetId, card);
  return { id, file: normalModelFile(dataDir, assetId, id) };
}

/** Makes a saved version the deployed one. */
export function deployNormalVersion(dataDir: string, assetId: string, id: string): void {
  new NormalRegistryStore(dataDir).deploy(assetId, id);
}

export interface StoredNormalVersion {
  assetId: string;
  id: string;
  file: string;
  active: boolean;
  /** The card, or why it could not be read. */
  card: NormalModelCard | { error: string };
}

/** Every stored version of every asset (or of `assetId`), oldest first per asset; unreadable files as errors. */
export async function listNormalVersions(dataDir: string, assetId?: string): Promise<StoredNormalVersion[]> {
  const modelsDir = path.join(dataDir, 'models');
  if (!existsSync(modelsDir)) return [];
  const assets = assetId ? [assetId] : (await readdir(modelsDir)).sort();
  const store = new NormalRegistryStore(dataDir);
  const out: StoredNormalVersion[] = [];
  for (const asset of assets) {
    const dir = normalModelDir(dataDir, asset);
    if (!existsSync(dir)) continue;
    const active = store.activeId(asset);
    const ids = (await readdir(dir))
      .filter((name) => name.endsWith('.json') && isNormalVersionId(name.slice(0, -'.json'.length)))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
    for (const id of ids) {
      let card: StoredNormalVersion['card'];
      try {
        card = store.read(asset, id);
      } catch (e) {
        card = { error: e instanceof Error ? e.message : String(e) };
      }
      out.push({
        assetId: asset,
        id,
        file: normalModelFile(dataDir, asset, id),
        active: id === active,
        card,
      });
    }
  }
  return out;
}
