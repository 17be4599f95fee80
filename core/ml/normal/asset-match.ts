import type { TagDefinition } from '../../asset/schema';
import { said, type Said } from '../../text/phrase';
import type { NormalModelCard } from './card';

/**
 * Null when a model card fits the asset's tags: every tag the model watches is still a tag of the asset,
 * with the unit it was trained in. Otherwise a message naming the first tag that differs (renamed or
 * removed, or its unit changed), for the app to show instead of loading the model. Tags the asset gained
 * since are not a mismatch: the model does not watch them. A card of schema 1 recorded no units, so only
 * its tag ids are checked.
 */
export function normalCardMismatchSaid(
  card: Pick<NormalModelCard, 'model'>,
  tags: readonly TagDefinition[],
): Said | null {
  const byId = new Map(tags.map((t) => [t.id, t]));
  for (const modelTag of card.model.tags) {
    const tagId = modelTag.id;
    const tag = byId.get(tagId);
    if (!tag)
      return said(
        'normalTagMissing',
        { tagId },
        `the model watches tag "${tagId}", which the asset no longer has (renamed or removed); ` +
          `train the model again on the asset's current tags`,
      );
    if (modelTag.unit !== null && modelTag.unit !== tag.unit)
      return said(
        'normalTagUnit',
        { tagId, unit: tag.unit, trainedUnit: modelTag.unit },
        `tag "${tagId}" is in ${tag.unit} on the asset but the model was trained in ` +
          `${modelTag.unit}; train the model again`,
      );
  }
  return null;
}

/** The mismatch in English words (the CLI and the backend's log), or null when the card fits. */
export const normalCardMismatch = (
  card: Pick<NormalModelCard, 'model'>,
  tags: readonly TagDefinition[],
): string | null => normalCardMismatchSaid(card, tags)?.message ?? null;
