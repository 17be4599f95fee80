import { createStore } from 'zustand/vanilla';

/** Why a score is what it is: a tag and how much the component's anomaly score falls without it. */
export interface TagInfluence {
  tagId: string;
  /** Log-odds of the anomaly probability minus those with this tag occluded (marked missing). */
  weight: number;
  /** The anomaly probability with this tag occluded. */
  masked?: number;
}

export type PredictionStatus = 'starting' | 'loading' | 'warming-up' | 'running' | 'no-models' | 'error';

/** The health model's outputs, arrays in asset component order; null before the first prediction. */
export interface HealthOutputs {
  /** Anomaly probability per component, 0..1 (NaN for components the model does not score). */
  anomaly: Float32Array | null;
  /** Most likely fault id per component (null where healthy). */
  faultType: (string | null)[] | null;
  /** Fault-type probabilities of the asset, by fault class id ("healthy" included). */
  faultProbs: Record<string, number> | null;
  /** Remaining useful life per component in hours (NaN where not degrading), with its standard deviation. */
  rulHours: Float32Array | null;
  rulStdHours: Float32Array | null;
  /** Per component, the tags that drove its anomaly score most, strongest first. */
  influences: TagInfluence[][] | null;
  /**
   * Set when `anomaly` and `influences` come from the asset's normal-behaviour model (colour score: 0.5 at
   * its alarm threshold; influences weighted by deviation / threshold) instead of the health model.
   */
  anomalySource?: 'normal-behaviour' | undefined;
}

export const NO_HEALTH_OUTPUTS: HealthOutputs = {
  anomaly: null,
  faultType: null,
  faultProbs: null,
  rulHours: null,
  rulStdHours: null,
  influences: null,
};

/** Latest model outputs for the asset on screen. */
export interface PredictionState extends HealthOutputs {
  status: PredictionStatus;
  /** What went wrong or why there are no predictions (a missing or bad model file, by name). */
  message: string | null;
  /** tfjs backend in use, e.g. "webgpu"; null until models are loaded. */
  backend: string | null;
  /** Adapter description, e.g. "swiftshader". */
  adapter: string | null;
  /** Why a faster backend is not in use, if one was skipped or lost. */
  fallbackReason: string | null;
  /** Component ids the arrays below follow (the asset's component order). */
  components: string[];
  /** Simulated time of the sample the prediction was made for. */
  at: number;
  /** Predict calls made, and wall milliseconds of the last one (batched, all components). */
  ticks: number;
  lastLatencyMs: number;
}

export const initialPredictionState = (): PredictionState => ({
  status: 'starting',
  message: null,
  backend: null,
  adapter: null,
  fallbackReason: null,
  components: [],
  ...NO_HEALTH_OUTPUTS,
  at: 0,
  ticks: 0,
  lastLatencyMs: 0,
});

export const predictionStore = createStore<PredictionState>(initialPredictionState);

/** Color score of component `i` for "Color by → Prediction", 0..1: its anomaly probability; NaN where the model says nothing. */
export function predictionScore(state: PredictionState, i: number): number {
  if (i < 0) return Number.NaN;
  return state.anomaly?.[i] ?? Number.NaN;
}
