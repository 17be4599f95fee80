/**
 * A turbofan RUL model (one per C-MAPSS subset): its card, which must describe the windows the backend
 * built the fleet's features for, and weights whose shapes match the card.
 */
import { describeIssues } from '../../../core/validation/describe-issues';
import type { FleetModelInfo } from '../../../core/api/domains/fleet';
import { turbofanModelCardSchema, type TurbofanModelCard } from '../../../core/ml/io/model-card';
import {
  fetchModelCard,
  loadModelPackage,
  type ExpectedShapes,
  type ModelHost,
  type ModelPackage,
} from './model-package';

export interface RulModel extends ModelPackage {
  card: TurbofanModelCard;
}

/** The card checked with core/ml's schema; the error names the file and every problem. */
export function parseRulCard(json: unknown, cardUrl: string): TurbofanModelCard {
  const r = turbofanModelCardSchema.safeParse(json);
  if (r.success) return r.data;
  throw new Error(describeIssues(r.error, { prefix: cardUrl }));
}

/** Windows [batch, windowLength, features] in; one row of (q10, mean, q90) out. */
export function rulShapes(card: TurbofanModelCard): ExpectedShapes {
  const { windowLength, features, outputs } = card.architecture;
  return { inputs: [[null, windowLength, features]], outputs: [[null, outputs.length]] };
}

/** The backend builds windows from the same card; a mismatch means the files changed under it. */
function checkCardFitsFleet(card: TurbofanModelCard, info: FleetModelInfo, cardUrl: string): void {
  const { windowLength, features } = card.architecture;
  if (windowLength !== info.windowLength || features !== info.features)
    throw new Error(
      `${cardUrl}: the card describes ${windowLength}×${features} windows, the fleet's features are ${info.windowLength}×${info.features}`,
    );
}

/** Loads the RUL model `info` names under `modelId`, below `modelsBase`. */
export async function loadRulModel(
  host: ModelHost,
  modelId: string,
  modelsBase: URL,
  info: FleetModelInfo,
): Promise<RulModel> {
  const modelUrl = new URL(info.modelJson, modelsBase).href;
  const cardUrl = new URL('model-card.json', modelUrl).href;
  const card = await fetchModelCard(cardUrl, parseRulCard);
  checkCardFitsFleet(card, info, cardUrl);
  const model = await loadModelPackage(host, {
    modelId,
    modelUrl,
    name: `turbofan ${card.subset} RUL model`,
    expected: rulShapes(card),
    fix: `retrain it (npm run train -- --asset turbofan --subset ${card.subset})`,
  });
  return { ...model, card };
}
