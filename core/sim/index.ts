export { createPumpSkidSimulator } from './simulator';
export type { PumpSkidSimulator, PumpSkidOptions } from './simulator';
export type { FaultSpec } from './faults';
export type { PumpSkidSnapshot } from './state';
export { PUMP_SKID_TAG_IDS, PUMP_SKID_CONTROLS, PLANT_FAULT_IDS, SENSOR_FAULT_IDS } from './plant-constants';
export type { ControlSpec } from './plant-constants';
