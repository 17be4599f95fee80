/**
 * NASA C-MAPSS turbofan run-to-failure data (FD001–FD004): parsing, RUL labels, operating regimes
 * and per-regime normalization. Takes file contents as strings; reading files is the caller's job.
 */
export {
  CMAPSS_INFORMATIVE_SENSORS,
  CMAPSS_SENSOR_NAMES,
  CMAPSS_SENSOR_TAG_IDS,
  CMAPSS_SETTING_NAMES,
  type CmapssSensorName,
} from './sensors';
export type { CmapssUnit, CmapssUnitWithRul } from './unit';
export {
  CMAPSS_COLUMNS,
  formatCmapssError,
  parseCmapss,
  parseCmapssStrict,
  type CmapssParseError,
  type CmapssParseResult,
} from './parse';
export { parseRulFile } from './rul-file';
export { addTestRul, addTrainingRul } from './rul-labels';
export { fitOperatingRegimes, operatingRegime, operatingRegimeKey, type OperatingRegimes } from './regimes';
export {
  applyRegimeNormalization,
  fitRegimeNormalization,
  REGIME_NORMALIZATION_SCHEMA_VERSION,
  regimeNormalizationSchema,
  type RegimeNormalization,
} from './regime-normalization';
export { cmapssUnitToFrame } from './unit-frame';
