/**
 * The tags each plant fault shows itself in, from the failure-mode table of the pump physics reference
 * (docs "Failure modes (FMEA-style)"), mapped to the skid's tags. A health-model "why" that names none of
 * them for a detected fault explains it with something other than the fault's evidence.
 */
export const SIGNATURE_TAGS: Readonly<Record<string, readonly string[]>> = {
  // gE ↑ → vibration through B/C → temperature ↑ (stages 3–4).
  bearing_wear: ['bearing_de_vibration', 'bearing_de_envelope', 'bearing_de_temp'],
  // Head and efficiency ↓ at the same flow and speed; power per flow ↑.
  impeller_wear: ['differential_head', 'pump_efficiency', 'discharge_pressure', 'motor_power'],
  // Suction head ↓ → discharge pressure and head ↓, flow ↓, broadband casing vibration.
  cavitation: [
    'suction_pressure',
    'npsh_available',
    'discharge_pressure',
    'differential_head',
    'flow',
    'pump_casing_vibration',
  ],
  // Leak rate and leak-pot switch; seal area warms.
  seal_leak: ['seal_leak_rate', 'seal_leak_switch', 'seal_temp'],
  // Position lags the command in steps; flow and pressure limit cycle.
  valve_stiction: ['valve_position', 'valve_command', 'flow', 'discharge_pressure'],
  // Winding and frame temperatures rise at unchanged current and power.
  cooling_failure: ['winding_temp', 'motor_frame_temp'],
};
