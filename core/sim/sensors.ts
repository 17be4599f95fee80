import type { FaultInstance } from './faults';
import { severityAt } from './faults';
import type { Rng } from '../random/rng';

/**
 * Instrument models (pump-reference.md §6): Gaussian noise of abs + rel·|x|, quantisation to the
 * transmitter resolution, saturation at the sensor span, then the sensor-fault models on top.
 */
export interface SensorSpec {
  range: readonly [number, number];
  noiseAbs: number;
  noiseRel: number;
  quantum: number;
}

const s = (lo: number, hi: number, noiseAbs: number, noiseRel: number, quantum: number): SensorSpec => ({
  range: [lo, hi],
  noiseAbs,
  noiseRel,
  quantum,
});

/** In PUMP_SKID_TAG_IDS order. */
export const SENSOR_SPECS: readonly SensorSpec[] = [
  s(0, 60, 0, 0, 0.01), // vfd_frequency: a digital drive value, exact to its resolution
  s(0, 1800, 1.5, 0, 1), // motor_speed
  s(0, 250, 0.3, 0.003, 0.1), // motor_current
  s(0, 120, 0.15, 0.003, 0.1), // motor_power
  s(-20, 200, 0.15, 0, 0.1), // winding_temp
  s(-20, 150, 0.15, 0, 0.1), // motor_frame_temp
  s(0, 50, 0.02, 0.04, 0.01), // motor_vibration
  s(0, 500, 0.2, 0.0025, 0.1), // flow
  s(0, 10, 0.005, 0, 0.001), // discharge_pressure
  s(-1, 3, 0.002, 0, 0.001), // suction_pressure
  s(0, 25, 0.03, 0, 0.01), // npsh_available
  s(0, 80, 0.08, 0, 0.1), // differential_head
  s(0, 100, 0.3, 0, 0.1), // pump_efficiency
  s(0, 50, 0.02, 0.04, 0.01), // pump_casing_vibration
  s(0, 50, 0.02, 0.04, 0.01), // bearing_de_vibration
  s(0, 50, 0.01, 0.06, 0.01), // bearing_de_envelope
  s(-20, 200, 0.1, 0, 0.1), // bearing_de_temp
  s(0, 50, 0.02, 0.04, 0.01), // bearing_nde_vibration
  s(-20, 200, 0.1, 0, 0.1), // bearing_nde_temp
  s(0, 100, 0.0003, 0.03, 0.001), // seal_leak_rate
  s(0, 1, 0, 0, 1), // seal_leak_switch
  s(-20, 200, 0.1, 0, 0.1), // seal_temp
  s(0, 100, 0, 0, 0.1), // valve_command
  s(0, 100, 0.08, 0, 0.1), // valve_position
  s(0, 5, 0.002, 0, 0.001), // tank_level
  s(0, 600, 0.8, 0.003, 0.1), // tank_inflow
  s(0, 100, 0.04, 0, 0.01), // fluid_temp
  s(-30, 60, 0.1, 0, 0.1), // ambient_temp
];

/** Drift reaches this share of the span per day at severity 1; bias is this share outright. */
const DRIFT_SPAN_PER_DAY = 0.1;
const BIAS_SPAN = 0.1;

/** One measured value. `extraSigma` carries process noise the instrument sees (e.g. cavitation). */
export function measure(
  tagIndex: number,
  trueValue: number,
  extraSigma: number,
  faults: readonly FaultInstance[],
  tMs: number,
  rng: Rng,
): number {
  const spec = SENSOR_SPECS[tagIndex];
  if (spec === undefined) return NaN;
  const sigma = spec.noiseAbs + spec.noiseRel * Math.abs(trueValue);
  let y = trueValue + Math.sqrt(sigma * sigma + extraSigma * extraSigma) * rng.normal();
  const span = spec.range[1] - spec.range[0];
  for (const f of faults) {
    if (f.tagIndex !== tagIndex) continue;
    const sev = severityAt(f, tMs);
    switch (f.faultId) {
      case 'sensor_bias':
        if (!f.inert) y += f.sign * sev * BIAS_SPAN * span;
        break;
      case 'sensor_drift':
        if (!f.inert) y += (f.sign * sev * DRIFT_SPAN_PER_DAY * span * (tMs - f.onset)) / 86_400_000;
        break;
      case 'sensor_stuck':
        if (!f.inert) y = f.stuckValue;
        break;
      case 'sensor_spikes':
        // An inert fault draws exactly what an acting one does (see FaultSpec.inert).
        if (rng.next() < 0.01 + 0.1 * sev) {
          const spike = rng.sign() * (5 + 15 * rng.next()) * Math.max(sigma, 0.005 * span);
          if (!f.inert) y += spike;
        }
        break;
      case 'sensor_dropout':
        if (rng.next() < sev && !f.inert) return NaN;
        break;
    }
  }
  if (spec.quantum > 0) y = Math.round(y / spec.quantum) * spec.quantum;
  return Math.min(spec.range[1], Math.max(spec.range[0], y));
}
