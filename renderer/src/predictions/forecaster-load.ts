/** Loads the pump-skid forecaster and its card into an inference client, checking the input shapes the code builds. */
import type { NormalizationStats } from '../../../core/data/normalization';
import { parseForecasterCard } from '../../../core/ml/pump/card';
import { FUTURE_CHANNELS, HORIZON, PAST_CHANNELS, WINDOW_LENGTH } from '../../../core/ml/pump/spec';
import type { InferenceClient } from '../inference/inference-api';

export const FORECASTER_MODEL_ID = 'pump-skid/forecaster';

/** Rejects with an Error carrying `status` (HTTP) when the card is missing. */
export async function loadForecaster(
  client: InferenceClient,
  modelsBase: URL,
  folder: string,
): Promise<{ stats: NormalizationStats; mae: Record<string, Record<string, number>> }> {
  const base = new URL(folder, modelsBase);
  const cardUrl = new URL('model-card.json', base).href;
  const res = await fetch(cardUrl);
  if (!res.ok)
    throw Object.assign(new Error(`${cardUrl}: missing (HTTP ${res.status})`), { status: res.status });
  const card = parseForecasterCard(await res.json(), cardUrl);
  const modelUrl = new URL('model.json', base).href;
  const shapes = await client.loadModel(FORECASTER_MODEL_ID, modelUrl, { inputRanks: [3, 3] });
  const [past, future] = shapes.inputShapes;
  if (
    past?.[1] !== WINDOW_LENGTH ||
    past[2] !== PAST_CHANNELS ||
    future?.[1] !== HORIZON ||
    future[2] !== FUTURE_CHANNELS
  )
    throw new Error(
      `${modelUrl}: inputs ${JSON.stringify(shapes.inputShapes)} differ from what core/ml/pump builds; retrain the model (npm run train)`,
    );
  return { stats: card.normalization, mae: card.test.mae };
}
