import type { AssetDefinition } from '../../../core/asset/schema';

const cache = new WeakMap<AssetDefinition, Map<string, AssetDefinition>>();

/**
 * The asset with its display names in `language`, from its `translations` table; names it does not translate
 * stay as written. The same asset and language give the same object, so React memos and effects hold.
 */
export function localizeAsset(asset: AssetDefinition, language: string): AssetDefinition {
  const texts = asset.translations?.[language];
  if (!texts) return asset;
  let byLanguage = cache.get(asset);
  if (!byLanguage) cache.set(asset, (byLanguage = new Map()));
  const cached = byLanguage.get(language);
  if (cached) return cached;
  const rename = <T extends { id: string; name: string }>(
    items: T[],
    names: Record<string, string> | undefined,
  ) => (names ? items.map((item) => ({ ...item, name: names[item.id] ?? item.name })) : items);
  const localized: AssetDefinition = {
    ...asset,
    name: texts.name ?? asset.name,
    description: texts.description ?? asset.description,
    components: rename(asset.components, texts.components),
    tags: rename(asset.tags, texts.tags),
    controls: rename(asset.controls, texts.controls),
    faults: rename(asset.faults, texts.faults).map((f) => ({
      ...f,
      description: texts.faultDescriptions?.[f.id] ?? f.description,
    })),
  };
  byLanguage.set(language, localized);
  return localized;
}
