import type { TagDefinition } from '../../asset/schema';
import type { NormalModelCard } from './card';

/**
 * Null when a model card fits the asset's tags: every tag the model watches is still a tag of the asset,
 * with the unit it was trained in. Otherwise a message naming the first tag that differs (renamed or
 * removed, or its unit changed), for the app to show instead of loading the model. Tags the asset gained
 * since are not a mismatch: the model does not watch them. A card of schema 1 recorded no units, so only
 * its tag ids are checked.
 */
export function normalCardMismatch(
  card: Pick<NormalModelCard, 'model'>,
  tags: readonly TagDefinition[],
): string | null {
  const byId = new Map(tags.map((t) => [t.id, t]));
  for (const modelTag of card.model.tags) {
    const tag = byId.get(modelTag.id);
    if (!tag)
      return (
        `the model watches tag "${modelTag.id}", which the asset no longer has (renamed or removed); ` +
        `train the model again on the asset's current tags`
      );
    if (modelTag.unit !== null && modelTag.unit !== tag.unit)
      return (
        `tag "${modelTag.id}" is in ${tag.unit} on the asset but the model was trained in ` +
        `${modelTag.unit}; train the model again`
      );
  }
  return null;
}
