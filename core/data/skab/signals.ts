/**
 * The eight SKAB testbed signals (Katser & Kozitsin, Skoltech Anomaly Benchmark): the CSV column each
 * comes from, the tag it feeds in assets/skab-testbed, and which way a departure from normal running is
 * a fault. Units are the dataset's own (see ../shared/data/skab/SOURCE.md).
 */
export type AlarmSides = 'high' | 'low' | 'both';

export interface SkabSignal {
  /** Column name in the SKAB CSV files, also the key in the replayed MQTT payloads. */
  column: string;
  /** Tag id in assets/skab-testbed/asset.json. */
  tagId: string;
  unit: string;
  /** Decimal places the tag shows; bands are rounded outward to these. */
  decimals: number;
  /** Sides that get an alarm limit: low vibration or a cool motor is no fault, low flow is. */
  alarmSides: AlarmSides;
}

export const SKAB_SIGNALS: readonly SkabSignal[] = [
  { column: 'Accelerometer1RMS', tagId: 'accel1_rms', unit: 'g', decimals: 3, alarmSides: 'high' },
  { column: 'Accelerometer2RMS', tagId: 'accel2_rms', unit: 'g', decimals: 3, alarmSides: 'high' },
  { column: 'Current', tagId: 'motor_current', unit: 'A', decimals: 2, alarmSides: 'both' },
  { column: 'Pressure', tagId: 'loop_pressure', unit: 'bar', decimals: 2, alarmSides: 'both' },
  { column: 'Temperature', tagId: 'motor_temp', unit: '°C', decimals: 1, alarmSides: 'high' },
  { column: 'Thermocouple', tagId: 'fluid_temp', unit: '°C', decimals: 1, alarmSides: 'high' },
  { column: 'Voltage', tagId: 'motor_voltage', unit: 'V', decimals: 0, alarmSides: 'both' },
  { column: 'Volume Flow RateRMS', tagId: 'flow_rate', unit: 'L/min', decimals: 1, alarmSides: 'both' },
];
