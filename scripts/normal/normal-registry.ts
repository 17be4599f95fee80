/**
 * Normal-behaviour model versions in the data folder (layout: core/ml/normal/registry-paths.ts), written
 * by the CLI and read by `npm run eval`; the app's backend reads and deploys the same files.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  normalActiveFile,
  normalModelDir,
  normalModelFile,
  normalVersionId,
  parseNormalModelCard,
  type NormalModelCard,
} from '../../core/ml/normal';

/** The backend's data folder: TWINSCAPE_DATA_DIR, else ~/.twinscape (as electron/services/twin-backend.ts). */
export const defaultDataDir = (): string =>
  process.env.TWINSCAPE_DATA_DIR ?? path.join(os.homedir(), '.twinscape');

async function writeAtomically(file: string, text: string): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, text);
  await rename(partial, file);
}

/** Saves a card as a new version; refuses to overwrite one (two trainings in the same second). */
export async function saveNormalVersion(
  dataDir: string,
  assetId: string,
  card: NormalModelCard,
): Promise<{ id: string; file: string }> {
  const id = normalVersionId(card.createdAt);
  const file = normalModelFile(dataDir, assetId, id);
  if (existsSync(file)) throw new Error(`${file} exists already: a version was saved this second; try again`);
  await mkdir(normalModelDir(dataDir, assetId), { recursive: true });
  await writeAtomically(file, `${JSON.stringify(card, null, 2)}\n`);
  return { id, file };
}

/** Makes a saved version the deployed one. */
export async function deployNormalVersion(dataDir: string, assetId: string, id: string): Promise<void> {
  if (!existsSync(normalModelFile(dataDir, assetId, id)))
    throw new Error(`asset ${assetId} has no normal-behaviour version ${id} in ${dataDir}`);
  await writeAtomically(normalActiveFile(dataDir, assetId), `${JSON.stringify({ id })}\n`);
}

/** The deployed version's id, or null when none is. */
export async function activeNormalVersion(dataDir: string, assetId: string): Promise<string | null> {
  const file = normalActiveFile(dataDir, assetId);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { id?: unknown };
  if (typeof parsed.id !== 'string') throw new Error(`${file}: expected {"id": "<version id>"}`);
  return parsed.id;
}

export interface StoredNormalVersion {
  assetId: string;
  id: string;
  file: string;
  active: boolean;
  /** The card, or why it could not be read. */
  card: NormalModelCard | { error: string };
}

/** Every stored version of every asset (or of `assetId`), oldest first per asset. */
export async function listNormalVersions(dataDir: string, assetId?: string): Promise<StoredNormalVersion[]> {
  const modelsDir = path.join(dataDir, 'models');
  if (!existsSync(modelsDir)) return [];
  const assets = assetId ? [assetId] : (await readdir(modelsDir)).sort();
  const out: StoredNormalVersion[] = [];
  for (const asset of assets) {
    const dir = normalModelDir(dataDir, asset);
    if (!existsSync(dir)) continue;
    const active = await activeNormalVersion(dataDir, asset);
    const files = (await readdir(dir)).filter((f) => /^normal-\d{8}-\d{6}\.json$/.test(f)).sort();
    for (const name of files) {
      const file = path.join(dir, name);
      const id = name.slice(0, -'.json'.length);
      let card: StoredNormalVersion['card'];
      try {
        card = parseNormalModelCard(JSON.parse(await readFile(file, 'utf8')), file);
      } catch (e) {
        card = { error: e instanceof Error ? e.message : String(e) };
      }
      out.push({ assetId: asset, id, file, active: id === active, card });
    }
  }
  return out;
}
