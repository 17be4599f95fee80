/**
 * What retraining needs from the shipped health model's card: its identity, normalization, long-baseline
 * scale and warning rule.
 */
import type { NormalizationStats } from '../../../../core/data/normalization';
import {
  DETECTION_SCORE_KINDS,
  LEGACY_DETECTION_SCORE,
  type DetectionScoreKind,
  type WarningRule,
} from '../../../../core/ml/pump/detection-score';
import type { HealthModelInputs } from '../../models/health-inputs';
import { parseHealthBaseline } from '../../models/health-model';
import { statsFromCard } from '../../models/pump-health';

export interface ShippedHealth {
  modelUrl: string;
  /** The card's createdAt: names the shipped model a retrained version derives from. */
  cardId: string;
  stats: NormalizationStats;
  /** The long baseline's scale; absent on a card of a model without that input. */
  baseline: HealthModelInputs['baseline'];
  /** The card's warning rule: the detection score, its threshold and debounce. */
  rule: WarningRule;
}

/** The card's `threshold.score`; a card from before it was recorded meant the largest component probability. */
function scoreOf(raw: unknown, cardUrl: string): DetectionScoreKind {
  if (raw === undefined) return LEGACY_DETECTION_SCORE;
  const kind = DETECTION_SCORE_KINDS.find((k) => k === raw);
  if (kind === undefined)
    throw new Error(`${cardUrl}: threshold.score must be one of ${DETECTION_SCORE_KINDS.join(', ')}`);
  return kind;
}

export async function readShippedHealth(folder: URL): Promise<ShippedHealth> {
  const cardUrl = new URL('model-card.json', folder).href;
  const res = await fetch(cardUrl);
  if (!res.ok) throw new Error(`${cardUrl}: missing (HTTP ${res.status})`);
  const card = (await res.json()) as {
    createdAt?: unknown;
    threshold?: { value?: unknown; debounceWindows?: unknown; score?: unknown };
  };
  const threshold = card.threshold?.value;
  const debounce = card.threshold?.debounceWindows;
  if (typeof card.createdAt !== 'string') throw new Error(`${cardUrl}: createdAt is missing`);
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1))
    throw new Error(`${cardUrl}: threshold.value must be a probability between 0 and 1`);
  if (typeof debounce !== 'number' || !Number.isInteger(debounce) || debounce < 1)
    throw new Error(`${cardUrl}: threshold.debounceWindows must be a whole number ≥ 1`);
  return {
    modelUrl: new URL('model.json', folder).href,
    cardId: card.createdAt,
    stats: statsFromCard(card, cardUrl),
    baseline: parseHealthBaseline(card, cardUrl),
    rule: { score: scoreOf(card.threshold?.score, cardUrl), threshold, debounce },
  };
}
