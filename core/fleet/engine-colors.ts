/**
 * Colors and readings of one opened engine's components at one cycle: by health deviation (worst
 * |z| of the component's sensors), by one sensor's value, or by the predicted RUL of the whole engine.
 */
import { valueFraction } from '../asset/alarm-distance';
import type { AssetDefinition } from '../asset/schema';
import { CMAPSS_SENSOR_TAG_IDS } from '../data/cmapss';
import { anomalyColorPosition, rulColorPosition } from './colors';

export type EngineColorMode = 'deviation' | 'sensor' | 'rul';

/** Tags of the three operational settings, in column order (assets/turbofan/asset.json). */
export const CMAPSS_SETTING_TAG_IDS: readonly string[] = ['altitude', 'mach', 'tra'];

/** One engine's recorded columns, as the fleet API hands them out (one array per column). */
export interface EngineColumns {
  settings: ArrayLike<number>[];
  sensors: ArrayLike<number>[];
  /** Smoothed z-score of each deviation sensor, in `deviationSensors` order. */
  deviations: ArrayLike<number>[];
  deviationSensors: readonly number[];
}

/** Value of every setting and sensor tag at `row`, by tag id. */
export function tagValuesAt(engine: EngineColumns, row: number): Map<string, number> {
  const out = new Map<string, number>();
  engine.settings.forEach((c, k) => {
    const id = CMAPSS_SETTING_TAG_IDS[k];
    const v = c[row];
    if (id && v !== undefined) out.set(id, v);
  });
  engine.sensors.forEach((c, k) => {
    const id = CMAPSS_SENSOR_TAG_IDS[k];
    const v = c[row];
    if (id && v !== undefined) out.set(id, v);
  });
  return out;
}

/** Smoothed z-score of every deviation sensor's tag at `row`, by tag id. */
export function tagDeviationsAt(engine: EngineColumns, row: number): Map<string, number> {
  const out = new Map<string, number>();
  engine.deviationSensors.forEach((s, k) => {
    const id = CMAPSS_SENSOR_TAG_IDS[s - 1];
    const v = engine.deviations[k]?.[row];
    if (id && v !== undefined) out.set(id, v);
  });
  return out;
}

export interface EngineColorInput {
  mode: EngineColorMode;
  /** Worst |z| of each component's sensors (components without a deviation sensor are absent). */
  componentDeviation: ReadonlyMap<string, number>;
  /** Sensor mode: the tag shown and the engine's tag values. */
  sensorTag: string;
  values: ReadonlyMap<string, number>;
  /** RUL mode: the engine's predicted RUL (null: no prediction) and the model's cap. */
  rul: number | null;
  rulCap: number;
}

/**
 * Colormap position (0..1, 1 = alarm end) of each component, NaN where the mode gives it no value
 * (it keeps its own grey paint). Uses the hangar's scales, so the engine reads as its instance does.
 */
export function engineComponentPositions(
  asset: AssetDefinition,
  input: EngineColorInput,
): Map<string, number> {
  const out = new Map<string, number>();
  const tag = asset.tags.find((t) => t.id === input.sensorTag);
  const whole = rulColorPosition(input.rul, input.rulCap);
  for (const c of asset.components) {
    let t = Number.NaN;
    if (input.mode === 'rul') t = whole;
    else if (input.mode === 'deviation')
      t = anomalyColorPosition(input.componentDeviation.get(c.id) ?? Number.NaN);
    else if (tag && c.tags.includes(tag.id)) t = valueFraction(tag, input.values.get(tag.id) ?? Number.NaN);
    out.set(c.id, t);
  }
  return out;
}

export interface ComponentReading {
  tagId: string;
  instrument: string;
  name: string;
  unit: string;
  decimals: number;
  value: number | null;
  /** Smoothed z-score against the fleet's early life; null for tags without a baseline. */
  z: number | null;
}

/** The component's tags with their values and deviations, for the hover tooltip. */
export function componentReadings(
  asset: AssetDefinition,
  componentId: string,
  values: ReadonlyMap<string, number>,
  deviations: ReadonlyMap<string, number>,
): ComponentReading[] {
  const comp = asset.components.find((c) => c.id === componentId);
  if (!comp) return [];
  const tags = new Map(asset.tags.map((t) => [t.id, t]));
  return comp.tags.flatMap((id) => {
    const t = tags.get(id);
    if (!t) return [];
    return [
      {
        tagId: id,
        instrument: t.instrument,
        name: t.name,
        unit: t.unit,
        decimals: t.decimals,
        value: values.get(id) ?? null,
        z: deviations.get(id) ?? null,
      },
    ];
  });
}
