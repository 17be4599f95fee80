import type { HistoryEventItem } from '../../../../../core/api/domains/history';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { phraseText } from '../../../i18n/phrase-text';

/**
 * An event's one-line label in the active language: from its phrase, with the asset's names (`names`, the
 * localized asset); a bookmark's note has none and is shown as the user wrote it.
 */
export function eventLabel(item: HistoryEventItem, names: AssetDefinition | null): string {
  return item.phrase ? phraseText(item.phrase, item.label, names) : item.label;
}
