export {
  DEFAULT_NORMAL_OPTIONS,
  enoughTrainingRows,
  minimumTrainingRows,
  resolveOptions,
  type NormalModelOptions,
  type PersistenceOptions,
} from './options';
export { tagStatistics, effectiveSamples, type TagStatistics } from './tag-statistics';
export { gaussianEquivalent, normalUpperQuantile, normalUpperTail } from './gaussian-tail';
export { scoredTagIds, type NormalModel, type NormalTagModel } from './model';
export { scoreWindow, tagDeviation, windowMeanVariance } from './level-score';
export { TrailingMean } from './window-mean';
export { LiveCleaner } from './live-cleaning';
export { AlarmLatch } from './alarm-latch';
export { budgetLevel, heldOutInflation, type BudgetInput } from './threshold';
export { CausalScorer, rankContributions, type RowScore } from './scorer';
export { fitNormalModel, fitTagModels } from './fit';
export {
  trainNormalModel,
  type NormalTrainingProgress,
  type NormalTrainingReport,
  type TrainedNormalModel,
} from './train';
export {
  NORMAL_CARD_SCHEMA_VERSION,
  normalModelCard,
  normalModelCardSchema,
  normalModelSchema,
  parseNormalModelCard,
  type NormalModelCard,
} from './card';
export {
  preflightNormalTraining,
  type KnownFaultCause,
  type KnownFaultInterval,
  type NormalPreflightInput,
  type NormalPreflightResult,
} from './preflight';
export type { NormalPreflightIssue } from './preflight-issue';
export { knownFaultsFromHistory } from './history-faults';
export { normalCardMismatch } from './asset-match';
export {
  isNormalVersionId,
  normalActiveFile,
  normalModelDir,
  normalModelFile,
  normalVersionId,
} from './registry-paths';
export { assetSampleRateHz, DEFAULT_SAMPLE_RATE_HZ } from './asset-rate';
export { heldOutAlarms, type HeldOutAlarms } from './held-out-alarms';
export { normalOptionsOfCard } from './card-options';
export { normalWhy, WHY_MAX_TAGS, WHY_MIN_RATIO, type WhyTag } from './why';
