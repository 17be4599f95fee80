// A fleet of C-MAPSS engines as the backend summarises it and the renderer shows it.
import type { AssetDefinition } from '../asset/schema';
import type { CmapssSubset } from './subset';
import type { Phrase } from '../text/phrase';

/** The trained RUL model a fleet's engines are predicted with. */
export interface FleetModelInfo {
  /** model.json path under the models folder, e.g. "turbofan/FD001/model.json". */
  modelJson: string;
  windowLength: number;
  features: number;
  /** Name of every feature channel; the first `sensors.length` are sensors. */
  featureNames: string[];
  /** 1-based C-MAPSS sensor numbers of the sensor channels. */
  sensors: number[];
  rulCap: number;
  /** Channel marking real rows (1) against padding (0) in a window, or null when the model has none. */
  maskChannel: number | null;
  /** Test-set figures from the model card (capped truth), when it has them. */
  test: { rmse: number; score: number } | null;
}

export interface FleetUnitSummary {
  unit: number;
  /** Cycles recorded. */
  cycles: number;
  lastCycle: number;
  /** Health deviation at the last cycle (RMS z-score against the fleet's early life). */
  anomaly: number;
}

export interface FleetSummary {
  subset: CmapssSubset;
  fileName: string;
  rows: number;
  units: FleetUnitSummary[];
  /** Null when no model exists for the subset; `modelProblem` says why. */
  model: FleetModelInfo | null;
  modelProblem: string | null;
  /** `modelProblem` as a code and values, for the renderer's language. */
  modelProblemPhrase: Phrase | null;
  /** The turbofan asset definition the engines are instances of. */
  asset: AssetDefinition;
  /** Where the fleet is kept across restarts (the history folder's fleets.duckdb), or null. */
  stored: { file: string; importedAt: number } | null;
  /** Why it is not kept (e.g. the file is open in another Twinscape), or null. */
  storeProblem: string | null;
  /** `storeProblem` as a code and values, for the renderer's language. */
  storeProblemPhrase: Phrase | null;
}

/** Per-engine series the renderer predicts from; Float32 arrays as base64 (core/fleet/float-codec). */
export interface FleetTracks {
  subset: CmapssSubset;
  /** Sensors the health deviation uses (1-based). */
  deviationSensors: number[];
  units: {
    unit: number;
    rows: number;
    /** Model features [rows, model.features], or null without a model. */
    features: string | null;
    /** Health deviation at every row. */
    anomaly: string;
  }[];
}

export interface FleetUnitHistory {
  subset: CmapssSubset;
  unit: number;
  cycles: number[];
  /** Operational settings 1–3, one array each. */
  settings: number[][];
  /** Sensors 1–21, one array each. */
  sensors: number[][];
  /** Smoothed z-score of each deviation sensor (FleetTracks.deviationSensors order). */
  deviations: number[][];
}
