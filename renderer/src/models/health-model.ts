/**
 * The pump-skid health model: card (normalization statistics covering every channel the pipeline builds,
 * the long baseline's scale), weights under the live model id, shapes as core/ml/pump builds and reads them
 * (the window and the long baseline, or the window alone for versions from before the baseline), warmed up.
 */
import { statsIndex, type NormalizationStats } from '../../../core/data/normalization';
import { BASELINE_FEATURES } from '../../../core/ml/pump/baseline';
import {
  ANOMALY_COMPONENTS,
  BALANCE_CHANNELS,
  FAULT_CLASSES,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  WINDOW_LENGTH,
} from '../../../core/ml/pump/spec';
import { setLiveHealthInputs, type HealthModelInputs } from './health-inputs';
import { HEALTH_MODEL_ID, statsFromCard } from './pump-health';
import {
  fetchModelCard,
  loadModelPackage,
  type ExpectedShapes,
  type ModelHost,
  type ModelPackage,
} from './model-package';

export interface HealthModel extends ModelPackage, HealthModelInputs {}

/**
 * Windows [batch, steps, channels] and their long baselines [batch, features] in (older versions: the
 * windows only); per-component anomaly, fault-type probabilities, RUL mean and log-std out.
 */
export const HEALTH_SHAPES: ExpectedShapes = {
  inputs: [
    [null, WINDOW_LENGTH, PAST_CHANNELS],
    [null, BASELINE_FEATURES],
  ],
  olderInputs: [[null, WINDOW_LENGTH, PAST_CHANNELS]],
  outputs: [
    [null, ANOMALY_COMPONENTS.length],
    [null, FAULT_CLASSES.length],
    [null, 2],
  ],
};

const RETRAIN = 'retrain the model (npm run train)';

/** The card's normalization statistics, which must cover every channel the current pipeline builds. */
export function parseHealthStats(card: unknown, cardUrl: string): NormalizationStats {
  const stats = statsFromCard(card, cardUrl);
  try {
    statsIndex(stats, PAST_VALUE_CHANNELS);
  } catch (e) {
    throw new Error(`${cardUrl}: ${(e as Error).message}; ${RETRAIN}`);
  }
  return stats;
}

/** The card's long-baseline scale: one positive number per balance channel; undefined on an older card. */
export function parseHealthBaseline(card: unknown, cardUrl: string): HealthModelInputs['baseline'] {
  const baseline = (card as { baseline?: { scale?: unknown } } | null)?.baseline;
  if (baseline === undefined) return undefined;
  const scale = baseline?.scale;
  const B = BALANCE_CHANNELS.length;
  if (
    !Array.isArray(scale) ||
    scale.length !== B ||
    !scale.every((x) => typeof x === 'number' && Number.isFinite(x) && x > 0)
  )
    throw new Error(
      `${cardUrl}: baseline.scale must be ${B} positive numbers, one per balance channel; ${RETRAIN}`,
    );
  return { scale: scale as number[] };
}

interface HealthCard {
  stats: NormalizationStats;
  baseline: HealthModelInputs['baseline'];
}

const parseHealthCard = (card: unknown, cardUrl: string): HealthCard => ({
  stats: parseHealthStats(card, cardUrl),
  baseline: parseHealthBaseline(card, cardUrl),
});

/**
 * Loads the health model of `folder` (its model-card.json and, unless `modelUrl` names another version of
 * it, its model.json) under the live health model id. A model already running there stays when the files
 * are bad; a missing card rejects with a ModelCardMissingError.
 */
export async function loadHealthModel(
  host: ModelHost,
  folder: URL,
  modelUrl = new URL('model.json', folder).href,
): Promise<HealthModel> {
  const cardUrl = new URL('model-card.json', folder).href;
  const { stats, baseline } = await fetchModelCard(cardUrl, parseHealthCard);
  const model = await loadModelPackage(host, {
    modelId: HEALTH_MODEL_ID,
    modelUrl,
    name: 'pump-skid health model',
    expected: HEALTH_SHAPES,
    fix: RETRAIN,
  });
  const inputCount = model.shapes.inputShapes.length;
  if (inputCount > 1 && !baseline)
    throw new Error(
      `${cardUrl}: the model at ${modelUrl} takes a long baseline input and the card has no baseline section; ${RETRAIN}`,
    );
  const inputs: HealthModelInputs = { stats, baseline, inputCount };
  setLiveHealthInputs(inputs);
  return { ...model, ...inputs };
}
