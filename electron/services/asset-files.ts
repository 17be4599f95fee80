import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describeProblems, parseAssetJson } from '../../core/asset/parse';
import type { AssetDefinition } from '../../core/asset/schema';

/** Finds the app's root folder (the one holding assets/) from the running bundle's location. */
export function findAppRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'assets', 'pump-skid', 'asset.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find assets/pump-skid/asset.json above ${start}`);
}

/** Reads and validates an asset file; throws an Error listing every problem with its field path. */
export function readAssetFile(filePath: string): AssetDefinition {
  const result = parseAssetJson(readFileSync(filePath, 'utf8'), path.basename(filePath));
  if (!result.ok)
    throw new Error(`${filePath} is not a valid asset definition:\n${describeProblems(result.problems)}`);
  return result.asset;
}

export function builtInAssetPath(appRoot: string): string {
  return path.join(appRoot, 'assets', 'pump-skid', 'asset.json');
}
