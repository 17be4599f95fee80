import { createPumpSkidSimulator } from '../../../core/sim';
import type { PumpSkidOptions, PumpSkidSimulator } from '../../../core/sim';

export const RHO_G = 998 * 9.81;

/** Quiet plant (constant ambient and demand) so tests see only what they change. */
export function quietSim(opts: PumpSkidOptions = {}): PumpSkidSimulator {
  return createPumpSkidSimulator({ seed: 42, steadyEnvironment: true, ...opts });
}

/** Runs the plant for `seconds` in steps of `dt`. */
export function run(sim: PumpSkidSimulator, seconds: number, dt = 1): void {
  for (let t = 0; t < seconds; t += dt) sim.step(dt);
}

/** Shaft power in kW recovered from the flow, head and efficiency tags: P = ρgQH/η. */
export function shaftPowerKw(sim: PumpSkidSimulator): number {
  const q = sim.trueValue('flow') / 3600;
  const h = sim.trueValue('differential_head');
  const eta = sim.trueValue('pump_efficiency') / 100;
  return eta > 0 ? (RHO_G * q * h) / eta / 1000 : 0;
}

/** Mean and standard deviation of one tag's measured samples over n one-second steps. */
export function sampleStats(sim: PumpSkidSimulator, tagId: string, n: number): { mean: number; sd: number } {
  const i = sim.tagIds.indexOf(tagId);
  const buf = new Float32Array(sim.tagIds.length);
  const xs: number[] = [];
  for (let k = 0; k < n; k++) {
    sim.step(1);
    sim.sample(buf);
    xs.push(buf[i] ?? NaN);
  }
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / n);
  return { mean, sd };
}
