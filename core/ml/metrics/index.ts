export { mae, phm08Score, rmse } from './regression';
export {
  confusionMatrix,
  macroF1,
  precisionRecallF1,
  rocAuc,
  type PrecisionRecallF1,
} from './classification';
export { expectedCalibrationError } from './calibration';
export {
  countDetections,
  detectionFigures,
  emptyDetectionCounts,
  firstDetectionDelay,
  type DetectionCounts,
} from './detection';
