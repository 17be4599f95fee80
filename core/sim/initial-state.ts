import type { PlantState } from './state';

/** Plant at rest at its setpoints; the simulator then settles slip, level loop and temperatures. */
export function initialPlantState(targets: Record<string, number>): PlantState {
  const valve = targets.valve_setpoint ?? 80;
  const level = targets.level_setpoint ?? 2.5;
  return {
    freq: targets.speed_setpoint ?? 50,
    valveCmd: valve,
    valveActuator: valve,
    valvePos: valve,
    stickAt: valve,
    stickDir: 1,
    stemMoving: 1,
    levelSp: level,
    level,
    levelIntegral: 0,
    inflow: 0,
    fluidTemp: 18,
    windingTemp: 25,
    frameTemp: 25,
    bearingDeTemp: 25,
    bearingNdeTemp: 25,
    sealTemp: 25,
    torque: 0,
    leakSwitch: 0,
    noise: { ambient: 0, demand: 0, supply: 0 },
  };
}
