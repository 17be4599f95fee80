/** An asset definition by id (assets/<id>/asset.json in the repository) or by the path of its file. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeProblems, parseAssetJson } from '../../core/asset/parse';
import type { AssetDefinition } from '../../core/asset/schema';
import { REPO_ROOT } from '../lib/files';

export async function loadAsset(idOrFile: string): Promise<AssetDefinition> {
  const file = idOrFile.endsWith('.json')
    ? path.resolve(idOrFile)
    : path.join(REPO_ROOT, 'assets', idOrFile, 'asset.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`asset ${idOrFile}: no asset file ${file}`);
  }
  const parsed = parseAssetJson(text, file);
  if (!parsed.ok) throw new Error(`${file}: ${describeProblems(parsed.problems)}`);
  return parsed.asset;
}
