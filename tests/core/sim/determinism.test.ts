import { describe, expect, it } from 'vitest';
import { createPumpSkidSimulator } from '../../../core/sim';
import type { PumpSkidSimulator } from '../../../core/sim';

/** A fixed script of operator actions and faults; returns every sample taken. */
function script(sim: PumpSkidSimulator, seconds: number): number[] {
  const buf = new Float32Array(sim.tagIds.length);
  const all: number[] = [];
  for (let t = 0; t < seconds; t++) {
    if (t === 50) sim.setControl('valve_setpoint', 60);
    if (t === 120)
      sim.injectFault({ faultId: 'sensor_spikes', severity: 0.5, growthPerHour: 0, targetTag: 'flow' });
    if (t === 200) sim.injectFault({ faultId: 'bearing_wear', severity: 0.3, growthPerHour: 0.5 });
    if (t === 300) sim.setControl('speed_setpoint', 44);
    sim.step(1);
    sim.sample(buf);
    all.push(...buf);
  }
  return all;
}

describe('determinism', () => {
  it('same seed and calls give identical samples; another seed differs', () => {
    const a = script(createPumpSkidSimulator({ seed: 7 }), 400);
    const b = script(createPumpSkidSimulator({ seed: 7 }), 400);
    const c = script(createPumpSkidSimulator({ seed: 8 }), 400);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('restore(snapshot) continues exactly, also through JSON and into another instance', () => {
    const a = createPumpSkidSimulator({ seed: 11 });
    script(a, 250);
    a.injectFault({ faultId: 'sensor_stuck', severity: 1, growthPerHour: 0, targetTag: 'seal_temp' });
    const snap = a.snapshot();
    const wire = JSON.parse(JSON.stringify(snap)) as typeof snap;
    const contA = script(a, 300);

    const b = createPumpSkidSimulator({ seed: 999, startTime: 0 });
    b.restore(wire);
    expect(b.simTime).toBe(snap.simTime);
    expect(b.seed).toBe(11);
    expect(b.activeFaults()).toEqual(createSnapshotFaults(wire));
    expect(script(b, 300)).toEqual(contA);

    // Restoring into the original rewinds it.
    a.restore(snap);
    expect(script(a, 300)).toEqual(contA);
  });

  it('starts at 2026-01-01 by default and advances the clock by dt', () => {
    const sim = createPumpSkidSimulator();
    expect(sim.simTime).toBe(Date.UTC(2026, 0, 1));
    expect(sim.seed).toBe(1);
    for (let i = 0; i < 10; i++) sim.step(0.1);
    sim.step(2.5);
    expect(sim.simTime).toBeCloseTo(Date.UTC(2026, 0, 1) + 3500, 6);
  });

  it('stays finite over a simulated year with faults growing and the operator moving setpoints', () => {
    const sim = createPumpSkidSimulator({ seed: 5 });
    sim.injectFault({ faultId: 'bearing_wear', severity: 0, growthPerHour: 1e-4 });
    sim.injectFault({ faultId: 'impeller_wear', severity: 0, growthPerHour: 1e-4 });
    sim.injectFault({ faultId: 'cavitation', severity: 0, growthPerHour: 2e-4 });
    sim.injectFault({ faultId: 'seal_leak', severity: 0, growthPerHour: 1e-4 });
    sim.injectFault({ faultId: 'valve_stiction', severity: 0.2, growthPerHour: 1e-4 });
    const buf = new Float32Array(sim.tagIds.length);
    const settings = [
      [50, 80],
      [30, 100],
      [45, 0],
      [0, 50],
      [50, 100],
      [40, 35],
    ] as const;
    for (let day = 0; day < 365; day++) {
      const [speed, valve] = settings[day % settings.length] ?? [50, 80];
      sim.setControl('speed_setpoint', speed);
      sim.setControl('valve_setpoint', valve);
      sim.setControl('level_setpoint', 1 + (day % 7) * 0.5);
      for (let i = 0; i < 8640; i++) sim.step(10);
      for (const id of sim.tagIds) {
        const v = sim.trueValue(id);
        if (!Number.isFinite(v)) throw new Error(`${id} = ${v} on day ${day}`);
      }
      sim.sample(buf);
      for (const v of buf) expect(Number.isFinite(v)).toBe(true);
    }
    expect(sim.simTime).toBe(Date.UTC(2027, 0, 1));
    expect(sim.trueValue('ambient_temp')).toBeGreaterThan(-10);
    expect(sim.trueValue('ambient_temp')).toBeLessThan(45);
  });
});

function createSnapshotFaults(snap: { faults: { instanceId: string }[] }): unknown {
  return expect.arrayContaining(
    snap.faults.map((f) => expect.objectContaining({ instanceId: f.instanceId })),
  );
}
