/**
 * Scoring with deployed normal-behaviour models inside the inference worker: one causal scorer per model id
 * that live rows are pushed through in order, and a fresh scorer per call for a moment of history.
 */
import { parseNormalModelCard } from '../../../core/ml/normal/card';
import type { NormalModel } from '../../../core/ml/normal/model';
import { CausalScorer } from '../../../core/ml/normal/scorer';
import type { NormalRowVerdict } from './normal-api';

export class NormalScorers {
  private readonly models = new Map<string, { model: NormalModel; scorer: CausalScorer }>();

  /** Checks the card and (re)starts the model's live scorer; returns the tag ids rows must follow. */
  load(modelId: string, card: unknown): string[] {
    const { model } = parseNormalModelCard(card, `normal-behaviour model "${modelId}"`);
    this.models.set(modelId, { model, scorer: new CausalScorer(model) });
    return model.tags.map((t) => t.id);
  }

  unload(modelId: string): void {
    this.models.delete(modelId);
  }

  /** Pushes `rows` (row-major, model tag order) through the live scorer; the verdict on the last one. */
  push(modelId: string, rows: Float64Array): NormalRowVerdict | null {
    const entry = this.get(modelId);
    return scoreRows(entry.scorer, entry.model, rows);
  }

  /** Scores `rows` with a fresh scorer (the window and latch filled from these rows only). */
  scoreFresh(modelId: string, rows: Float64Array): NormalRowVerdict | null {
    const { model } = this.get(modelId);
    return scoreRows(new CausalScorer(model), model, rows);
  }

  private get(modelId: string) {
    const entry = this.models.get(modelId);
    if (!entry) throw new Error(`normal-behaviour model "${modelId}" is not loaded`);
    return entry;
  }
}

function scoreRows(scorer: CausalScorer, model: NormalModel, rows: Float64Array): NormalRowVerdict | null {
  const width = model.tags.length;
  if (rows.length % width !== 0)
    throw new Error(
      `normal-behaviour rows: ${rows.length} values is not a whole number of ${width}-tag rows`,
    );
  let last: NormalRowVerdict | null = null;
  for (let at = 0; at < rows.length; at += width) {
    const { score, alarm, contributions } = scorer.push(rows.subarray(at, at + width));
    last = { score, alarm, contributions: Array.from(contributions) };
  }
  return last;
}
