import { createStore } from 'zustand/vanilla';

/** Latest model outputs for the asset on screen; arrays in asset component order. */
export interface PredictionState {
  /** tfjs backend in use, e.g. "webgpu"; null until models are loaded. */
  backend: string | null;
  /** Adapter description, e.g. "swiftshader". */
  adapter: string | null;
  /** Anomaly probability per component, 0..1. */
  anomaly: Float32Array | null;
  /** Most likely fault id per component (null where healthy). */
  faultType: (string | null)[] | null;
  /** Remaining useful life per component in hours (NaN where not degrading), with its standard deviation. */
  rulHours: Float32Array | null;
  rulStdHours: Float32Array | null;
  /** Simulated time of the sample the prediction was made for. */
  at: number;
}

export const predictionStore = createStore<PredictionState>(() => ({
  backend: null,
  adapter: null,
  anomaly: null,
  faultType: null,
  rulHours: null,
  rulStdHours: null,
  at: 0,
}));
