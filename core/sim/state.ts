import type { EnvironmentNoise } from './environment';
import type { FaultInstance } from './faults';

/** Dynamic state of the skid; every field is a plain number so snapshots are JSON. */
export interface PlantState {
  /** VFD output frequency, Hz. */
  freq: number;
  /** Rate-limited valve command, %. */
  valveCmd: number;
  /** Actuator output after its 1 s lag, %. */
  valveActuator: number;
  /** Stem position after stiction, %. */
  valvePos: number;
  /** Actuator value when the stem last stuck. */
  stickAt: number;
  /** Direction of the last stem movement, ±1. */
  stickDir: number;
  /** 1 while the stem slides, 0 while stuck. */
  stemMoving: number;
  /** Rate-limited level setpoint, m. */
  levelSp: number;
  level: number;
  /** Level controller integral term, m3/h. */
  levelIntegral: number;
  inflow: number;
  fluidTemp: number;
  windingTemp: number;
  frameTemp: number;
  bearingDeTemp: number;
  bearingNdeTemp: number;
  sealTemp: number;
  /** Load torque from the previous sub-step, N·m (sets slip). */
  torque: number;
  /** Leak-pot switch, 0/1 with hysteresis. */
  leakSwitch: number;
  noise: EnvironmentNoise;
}

/** Full simulator state for what-if forks; restore() of it continues the run exactly. */
export interface PumpSkidSnapshot {
  version: 1;
  seed: number;
  simTime: number;
  rngState: number;
  steadyEnvironment: boolean;
  controls: Record<string, number>;
  plant: PlantState;
  faults: FaultInstance[];
  nextFaultNo: number;
}
