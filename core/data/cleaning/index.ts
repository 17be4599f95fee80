export {
  CLEANING_REASONS,
  countQuality,
  emptyReasonCounts,
  type CleaningReason,
  type ReasonCounts,
} from './reasons';
export { markNonFinite } from './non-finite';
export { checkRange } from './range';
export { hampelFilter, type HampelOptions } from './hampel';
export { detectStuck, type StuckOptions } from './stuck';
export { fillGaps, type GapOptions } from './gaps';
export { convertColumn } from './units';
export { cleanFrame, type CleanOptions, type CleaningReport, type CleanResult } from './pipeline';
export { checkSample } from './streaming';
