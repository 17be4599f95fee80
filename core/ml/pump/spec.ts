/**
 * What the pump-skid models see and predict: sample period, window lengths, input channels, fault
 * classes and the components faults live in. Training, evaluation and live inference all read
 * these constants, so a model and its feature pipeline cannot disagree.
 */
import { PLANT_FAULT_IDS, PUMP_SKID_CONTROLS, PUMP_SKID_TAG_IDS } from '../../sim';

/** One model time step is one minute of plant time: slow faults (hours–days) fit in a window of history. */
export const SAMPLE_PERIOD_S = 60;
/** Past window, in samples (48 min). */
export const WINDOW_LENGTH = 48;
/** Forecast horizon, in samples (60 min). */
export const HORIZON = 60;

/** Every measured tag, in asset order. */
export const PUMP_TAGS: readonly string[] = PUMP_SKID_TAG_IDS;
/** Operator setpoints, recorded beside the tags and planned over the forecast horizon. */
export const PUMP_CONTROLS: readonly string[] = PUMP_SKID_CONTROLS.map((c) => c.id);
/**
 * Channels computed from tags (core/ml/pump/derived.ts). The valve stem's lag behind its command,
 * the clearest stiction symptom, is a few tenths of a percent against a 100 % span and vanishes in z
 * units unless given its own channel; the same holds for a biased, drifting, stuck or spiky sensor
 * against the tags it is physically tied to, hence the balances, roughness and repair shares.
 * BALANCE_SOURCES names the tags each balance channel is computed from.
 */
export const BALANCE_SOURCES: Record<string, readonly string[]> = {
  valve_deviation: ['valve_position', 'valve_command'],
  head_balance: ['discharge_pressure', 'suction_pressure', 'differential_head'],
  suction_balance: ['suction_pressure', 'tank_level', 'flow'],
  pump_curve_residual: ['differential_head', 'flow', 'motor_speed'],
  current_balance: ['motor_current', 'motor_power', 'vfd_frequency'],
  winding_over_frame_temp: ['winding_temp', 'motor_frame_temp'],
  bearing_de_over_nde_temp: ['bearing_de_temp', 'bearing_nde_temp'],
  seal_over_fluid_temp: ['seal_temp', 'fluid_temp'],
  bearing_de_over_nde_vibration: ['bearing_de_vibration', 'bearing_nde_vibration'],
  tank_balance: ['tank_level', 'tank_inflow', 'flow'],
};
export const BALANCE_CHANNELS: readonly string[] = Object.keys(BALANCE_SOURCES);
/**
 * Future input width: the planned setpoints (normalized), their change from the last past setpoint,
 * and the position in the horizon (0 at the first step, 1 at the last).
 */
export const FUTURE_CHANNELS = PUMP_CONTROLS.length * 2 + 1;

export const SENSOR_FAULT_CLASS = 'sensor_fault';
/** Fault-type classes of the health model, in output order. */
export const FAULT_CLASSES: readonly string[] = ['healthy', ...PLANT_FAULT_IDS, SENSOR_FAULT_CLASS];

/**
 * Components with an anomaly output, in output order, and the fault classes that live in each
 * (assets/pump-skid/asset.json `faults[].component`; sensor faults belong to the skid's instruments).
 */
export const ANOMALY_COMPONENTS: readonly { id: string; faults: readonly string[] }[] = [
  { id: 'motor', faults: ['cooling_failure'] },
  { id: 'bearing_de', faults: ['bearing_wear'] },
  { id: 'pump', faults: ['impeller_wear', 'cavitation'] },
  { id: 'seal', faults: ['seal_leak'] },
  { id: 'valve', faults: ['valve_stiction'] },
  { id: 'skid', faults: [SENSOR_FAULT_CLASS] },
];

/** Faults that grow toward a failure, for which the health model estimates remaining useful life. */
export const DEGRADING_FAULTS: readonly string[] = PLANT_FAULT_IDS;

/** RUL labels and predictions are capped here (hours); beyond it the plant is simply "far from trip". */
export const RUL_CAP_HOURS = 72;

/** Analog tags a sensor fault is injected on in the data sets. */
export const SENSOR_FAULT_TAGS: readonly string[] = [
  'flow',
  'discharge_pressure',
  'suction_pressure',
  'motor_current',
  'motor_power',
  'winding_temp',
  'bearing_de_temp',
  'bearing_de_vibration',
  'seal_temp',
  'tank_level',
];
/** Mean |step| of each fault-prone tag over the last few rows: zero when stuck, high when spiky. */
export const ROUGHNESS_CHANNELS: readonly string[] = SENSOR_FAULT_TAGS.map((t) => `${t}_roughness`);
/** Share of each fault-prone tag's recent samples the cleaning repaired (interpolated, spike, missing). */
export const REPAIR_CHANNELS: readonly string[] = SENSOR_FAULT_TAGS.map((t) => `${t}_repairs`);
/** Over all fault-prone tags: lowest and highest roughness against datasheet noise, highest repair share. */
export const SENSOR_AGGREGATE_CHANNELS: readonly string[] = ['roughness_min', 'roughness_max', 'repairs_max'];
export const DERIVED_CHANNELS: readonly string[] = [
  ...BALANCE_CHANNELS,
  ...ROUGHNESS_CHANNELS,
  ...REPAIR_CHANNELS,
  ...SENSOR_AGGREGATE_CHANNELS,
];
/** Value channels of the past window: tags, then setpoints, then derived channels. */
export const PAST_VALUE_CHANNELS: readonly string[] = [...PUMP_TAGS, ...PUMP_CONTROLS, ...DERIVED_CHANNELS];
/** Past input width: value channels, then one quality-mask channel per value channel. */
export const PAST_CHANNELS = PAST_VALUE_CHANNELS.length * 2;

/**
 * Indices into PAST_VALUE_CHANNELS of every channel that carries information from `tagId`: the tag
 * itself and the derived channels computed from it (what to blank to take a sensor out of the input).
 * The sensor aggregates pool ten tags and are left out: blanking them would blank every sensor at once.
 */
export function channelsOfTag(tagId: string): number[] {
  return PAST_VALUE_CHANNELS.flatMap((c, i) =>
    c === tagId ||
    c === `${tagId}_roughness` ||
    c === `${tagId}_repairs` ||
    (BALANCE_SOURCES[c]?.includes(tagId) ?? false)
      ? [i]
      : [],
  );
}

export function faultClassIndex(faultId: string | null): number {
  if (faultId === null) return 0;
  if (faultId.startsWith('sensor_')) return FAULT_CLASSES.indexOf(SENSOR_FAULT_CLASS);
  const k = FAULT_CLASSES.indexOf(faultId);
  if (k < 0) throw new Error(`faultId: unknown fault "${faultId}"`);
  return k;
}

/** Index of the anomaly component a fault class belongs to, or -1 for healthy. */
export function componentOfClass(classIndex: number): number {
  const cls = FAULT_CLASSES[classIndex];
  return ANOMALY_COMPONENTS.findIndex((c) => cls !== undefined && c.faults.includes(cls));
}
