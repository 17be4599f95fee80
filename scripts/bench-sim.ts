/**
 * Simulator throughput: one simulated day at 1 Hz sampling (step(1) + sample() per second),
 * reported as simulated seconds per wall second against the 1000× real-time requirement.
 * Usage: npx vite-node scripts/bench-sim.ts [days]
 */
import { createPumpSkidSimulator } from '../core/sim';

const days = Number(process.argv[2] ?? 1) || 1;
const simSeconds = Math.round(days * 86_400);
const sim = createPumpSkidSimulator({ seed: 1 });
sim.injectFault({ faultId: 'bearing_wear', severity: 0.2, growthPerHour: 0.01 });
sim.injectFault({ faultId: 'sensor_spikes', severity: 0.3, growthPerHour: 0, targetTag: 'flow' });
const buf = new Float32Array(sim.tagIds.length);

// Warm up the JIT so the figure reflects steady running.
for (let i = 0; i < 5_000; i++) {
  sim.step(1);
  sim.sample(buf);
}

const t0 = performance.now();
for (let i = 0; i < simSeconds; i++) {
  // Operator moves the setpoints every hour so ramps and valve travel are part of the load.
  if (i % 3600 === 0) {
    sim.setControl('speed_setpoint', 40 + ((i / 3600) % 11));
    sim.setControl('valve_setpoint', 60 + (((i / 3600) * 7) % 40));
  }
  sim.step(1);
  sim.sample(buf);
}
const wall = (performance.now() - t0) / 1000;
const rate = simSeconds / wall;

console.log(`simulated ${simSeconds} s (${days} day) at 1 Hz sampling, ${sim.tagIds.length} tags`);
console.log(`wall time ${wall.toFixed(3)} s`);
console.log(
  `${Math.round(rate).toLocaleString('en-US')} sim-s per wall-s (${(rate / 1000).toFixed(0)}× the 1000× real-time target)`,
);
