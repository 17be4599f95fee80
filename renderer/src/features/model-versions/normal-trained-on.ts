import type { NormalModelCard } from '../../../../core/ml/normal/card';
import { i18n } from '../../i18n/i18n';

/** The source the Models dialog's Learn normal writes into a card it trains on the asset's stored history. */
export const historyOf = (assetId: string) => `history of ${assetId}`;

/**
 * What a normal-behaviour version was trained on, in the active language: a card learnt in the app from the
 * asset's history is said again from its recorded span and rows (with the asset's name in the active
 * language); any other card (the CLI's, a benchmark's) keeps the words it was written with.
 */
export function trainedOnText(
  card: Pick<NormalModelCard, 'asset' | 'trainedOn' | 'training'>,
  assetName: string,
): string {
  const data = card.training.data;
  if (data?.source !== historyOf(card.asset)) return card.trainedOn;
  return i18n.t('models:normal.trainedOnHistory', {
    asset: assetName,
    from: new Date(data.fromMs).toISOString(),
    to: new Date(data.toMs).toISOString(),
    rows: card.training.rows,
    interpolation: { escapeValue: false },
  });
}
