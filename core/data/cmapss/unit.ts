/** A C-MAPSS engine trajectory in columnar form, with or without RUL labels. */
/** One engine's trajectory, columnar. */
export interface CmapssUnit {
  unit: number;
  /** Time in cycles, strictly increasing. */
  cycles: Int32Array;
  /** Three columns: operational settings 1–3. */
  settings: Float32Array[];
  /** 21 columns: sensors 1–21 (`CMAPSS_SENSOR_NAMES` order). */
  sensors: Float32Array[];
}

export interface CmapssUnitWithRul extends CmapssUnit {
  /** Remaining useful life at each cycle, capped. */
  rul: Float32Array;
}
