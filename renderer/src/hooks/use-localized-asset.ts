import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../core/asset/schema';
import { localizeAsset } from '../i18n/localize-asset';
import { useSession } from '../state/use-store';

/** The shown asset with its names in the active language; re-renders when the language changes. */
export function useLocalizedAsset(): AssetDefinition | null {
  const asset = useSession((s) => s.session?.asset ?? null);
  const { i18n } = useTranslation();
  return asset ? localizeAsset(asset, i18n.language) : null;
}
