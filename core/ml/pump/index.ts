/**
 * What live inference needs of the pump-skid models: the feature pipeline, the output layout and
 * the model cards. Importing this also registers the custom layers (CausalConv1D, LastStep).
 */
import '../layers';

export * from './spec';
export { futureInput, liveWindow, normalizeControls, pumpFrame, PUMP_CLEAN_OPTIONS } from './features';
export {
  forecasterCardSchema,
  healthCardSchema,
  parseForecasterCard,
  parseHealthCard,
  type ForecasterCard,
  type HealthCard,
} from './card';
