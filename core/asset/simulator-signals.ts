import type { Quantity } from '../units/units';

/**
 * The physical quantity of each signal a built-in simulator produces, by simulator name and tag id. It lives
 * beside the asset schema (not in core/sim, a layer above) so that asset validation can check a tag's unit;
 * tests/core/sim/asset-consistency.test.ts checks that it covers every tag the simulator samples.
 */
export const SIMULATOR_SIGNAL_QUANTITIES: Readonly<Record<string, Readonly<Record<string, Quantity>>>> = {
  'pump-skid': {
    vfd_frequency: 'frequency',
    motor_speed: 'frequency',
    motor_current: 'current',
    motor_power: 'power',
    winding_temp: 'temperature',
    motor_frame_temp: 'temperature',
    motor_vibration: 'velocity',
    flow: 'flow',
    discharge_pressure: 'pressure',
    suction_pressure: 'pressure',
    npsh_available: 'length',
    differential_head: 'length',
    pump_efficiency: 'ratio',
    pump_casing_vibration: 'velocity',
    bearing_de_vibration: 'velocity',
    bearing_de_envelope: 'acceleration',
    bearing_de_temp: 'temperature',
    bearing_nde_vibration: 'velocity',
    bearing_nde_temp: 'temperature',
    seal_leak_rate: 'flow',
    seal_leak_switch: 'state',
    seal_temp: 'temperature',
    valve_command: 'ratio',
    valve_position: 'ratio',
    tank_level: 'length',
    tank_inflow: 'flow',
    fluid_temp: 'temperature',
    ambient_temp: 'temperature',
  },
};
