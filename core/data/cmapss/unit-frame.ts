/** Conversion of a C-MAPSS unit to the generic `SampleFrame`. */
import { Quality } from '../quality';
import type { SampleFrame } from '../frame';
import { CMAPSS_INFORMATIVE_SENSORS, CMAPSS_SENSOR_TAG_IDS } from './sensors';
import type { CmapssUnit } from './unit';

/**
 * A unit as a `SampleFrame`: t = cycle, one column per chosen sensor (tag ids from
 * `CMAPSS_SENSOR_TAG_IDS`), quality good.
 */
export function cmapssUnitToFrame(
  unit: CmapssUnit,
  sensors: readonly number[] = CMAPSS_INFORMATIVE_SENSORS,
): SampleFrame {
  const n = unit.cycles.length;
  return {
    t: Float64Array.from(unit.cycles),
    tagIds: sensors.map((s) => {
      const id = CMAPSS_SENSOR_TAG_IDS[s - 1];
      if (id === undefined) throw new Error(`C-MAPSS has sensors 1–21, not ${s}`);
      return id;
    }),
    values: sensors.map((s) => unit.sensors[s - 1]!.slice()),
    quality: sensors.map(() => new Uint8Array(n).fill(Quality.good)),
  };
}
