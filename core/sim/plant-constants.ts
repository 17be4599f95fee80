/**
 * Identity of the built-in pump skid P-101: tag ids, controls and faults.
 * Mirrors assets/pump-skid/asset.json (kept self-contained; tests/core/sim/asset-consistency checks they agree).
 */

export const PUMP_SKID_TAG_IDS = [
  'vfd_frequency',
  'motor_speed',
  'motor_current',
  'motor_power',
  'winding_temp',
  'motor_frame_temp',
  'motor_vibration',
  'flow',
  'discharge_pressure',
  'suction_pressure',
  'npsh_available',
  'differential_head',
  'pump_efficiency',
  'pump_casing_vibration',
  'bearing_de_vibration',
  'bearing_de_envelope',
  'bearing_de_temp',
  'bearing_nde_vibration',
  'bearing_nde_temp',
  'seal_leak_rate',
  'seal_leak_switch',
  'seal_temp',
  'valve_command',
  'valve_position',
  'tank_level',
  'tank_inflow',
  'fluid_temp',
  'ambient_temp',
] as const;

export type PumpSkidTagId = (typeof PUMP_SKID_TAG_IDS)[number];

export interface ControlSpec {
  id: string;
  min: number;
  max: number;
  /** Largest change per second the plant accepts. */
  rate: number;
  default: number;
}

export const PUMP_SKID_CONTROLS: readonly ControlSpec[] = [
  { id: 'speed_setpoint', min: 0, max: 50, rate: 2, default: 50 },
  { id: 'valve_setpoint', min: 0, max: 100, rate: 16.7, default: 80 },
  { id: 'level_setpoint', min: 0.8, max: 4.5, rate: 0.05, default: 2.5 },
];

export const PLANT_FAULT_IDS = [
  'bearing_wear',
  'impeller_wear',
  'cavitation',
  'seal_leak',
  'valve_stiction',
  'cooling_failure',
] as const;

export const SENSOR_FAULT_IDS = [
  'sensor_drift',
  'sensor_bias',
  'sensor_stuck',
  'sensor_spikes',
  'sensor_dropout',
] as const;

export type PlantFaultId = (typeof PLANT_FAULT_IDS)[number];
export type SensorFaultId = (typeof SENSOR_FAULT_IDS)[number];

/** Index of each tag in PUMP_SKID_TAG_IDS, so hot loops address arrays by number. */
export const TAG: Readonly<Record<PumpSkidTagId, number>> = Object.fromEntries(
  PUMP_SKID_TAG_IDS.map((id, i) => [id, i]),
) as Record<PumpSkidTagId, number>;
