import type { PersistenceOptions } from './options';

/** One tag's part of a model of normal behaviour. */
export interface NormalTagModel {
  id: string;
  /**
   * The tag's unit when the model was trained (the asset's symbol, e.g. "bar"): a model is not loaded on
   * an asset whose tag now has another unit. Null in cards written before units were recorded (schema 1).
   */
  unit: string | null;
  /** Sensor span from the asset definition: a live value outside it is treated as missing. */
  range: [number, number];
  /** Training mean and per-sample standard deviation, in the tag's unit. */
  mean: number;
  sd: number;
  /** Rows one independent training sample is worth (see TagStatistics). */
  autocorrelationRows: number;
  /** Degrees of freedom of the t-distribution the level is judged by: independent samples − 1. */
  dof: number;
  /** False when the tag never moved (or had no data) in training: it has no learnt spread and is not scored. */
  scored: boolean;
}

/**
 * A fitted model of normal behaviour: everything the causal scorer needs, as plain JSON-safe numbers, so
 * the same object is saved in a model card, sent to a worker and loaded in the browser.
 */
export interface NormalModel {
  tags: NormalTagModel[];
  /** Training rows the tag statistics came from. */
  trainingRows: number;
  windowRows: number;
  levelWander: number;
  /** Row score above which a row counts as "over"; see threshold.ts. */
  threshold: number;
  persistence: PersistenceOptions;
  /** Whether scored rows pass a trailing Hampel filter (half-window, threshold), as the training rows did. */
  hampel: { halfWindow: number; threshold: number } | null;
}

/** Ids of the tags that take part in the score. */
export const scoredTagIds = (model: NormalModel): string[] =>
  model.tags.filter((t) => t.scored).map((t) => t.id);
