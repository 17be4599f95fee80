import { readFileSync } from 'node:fs';
import { parseAssetJson } from '../../../core/asset/parse';
import type { AssetDefinition } from '../../../core/asset/schema';

/** The built-in pump skid, parsed as the app does. */
export function pumpSkid(): AssetDefinition {
  const parsed = parseAssetJson(readFileSync('assets/pump-skid/asset.json', 'utf8'));
  if (!parsed.ok) throw new Error('built-in asset does not parse');
  return parsed.asset;
}
