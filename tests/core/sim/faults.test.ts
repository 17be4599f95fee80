import { describe, expect, it } from 'vitest';
import { quietSim, run, sampleStats, shaftPowerKw } from './helpers';

describe('plant faults move their signature tags', () => {
  it('bearing_wear at 0.8 lifts DE vibration over the 2.8 mm/s alarm and leaves flow alone', () => {
    const healthy = quietSim();
    const sim = quietSim();
    sim.injectFault({ faultId: 'bearing_wear', severity: 0.8, growthPerHour: 0 });
    run(healthy, 7200, 10);
    run(sim, 7200, 10);
    expect(healthy.trueValue('bearing_de_vibration')).toBeLessThan(1.6);
    expect(sim.trueValue('bearing_de_vibration')).toBeGreaterThan(2.8);
    expect(sampleStats(sim, 'bearing_de_vibration', 60).mean).toBeGreaterThan(2.8);
    expect(sim.trueValue('bearing_de_envelope')).toBeGreaterThan(2);
    expect(sim.trueValue('bearing_de_temp')).toBeGreaterThan(healthy.trueValue('bearing_de_temp') + 5);
    expect(Math.abs(sim.trueValue('flow') / healthy.trueValue('flow') - 1)).toBeLessThan(0.02);
    const dI = sim.trueValue('motor_current') / healthy.trueValue('motor_current') - 1;
    expect(dI).toBeGreaterThan(0);
    expect(dI).toBeLessThan(0.01);
  });

  it('bearing_wear grows monotonically and accelerates: envelope first, then velocity, then temperature', () => {
    const sim = quietSim();
    sim.injectFault({ faultId: 'bearing_wear', severity: 0.05, growthPerHour: 0.002 });
    const sev: number[] = [];
    const crossed: Record<string, number> = {};
    const t0 = sim.trueValue('bearing_de_temp');
    let prevVib = 0;
    for (let h = 0; h < 600; h++) {
      run(sim, 3600, 60);
      sev.push(sim.activeFaults()[0]?.severity ?? NaN);
      const vib = sim.trueValue('bearing_de_vibration');
      expect(vib).toBeGreaterThanOrEqual(prevVib - 1e-4);
      prevVib = vib;
      if (sim.trueValue('bearing_de_envelope') > 2) crossed.envelope ??= h;
      if (vib > 2.8) crossed.velocity ??= h;
      if (sim.trueValue('bearing_de_temp') > t0 + 5) crossed.temperature ??= h;
    }
    for (let i = 1; i < sev.length; i++) expect(sev[i]).toBeGreaterThanOrEqual(sev[i - 1] ?? 0);
    expect(sev.at(-1)).toBe(1);
    // Accelerating: the second 100 h add more damage than the first 100 h.
    expect((sev[199] ?? 0) - (sev[99] ?? 0)).toBeGreaterThan((sev[99] ?? 0) - (sev[0] ?? 0));
    expect(crossed.envelope).toBeDefined();
    expect(crossed.velocity).toBeGreaterThan(crossed.envelope ?? Infinity);
    expect(crossed.temperature).toBeGreaterThan(crossed.velocity ?? Infinity);
  });

  it('impeller_wear lowers head and efficiency and raises power per flow', () => {
    const healthy = quietSim();
    const sim = quietSim();
    sim.injectFault({ faultId: 'impeller_wear', severity: 1, growthPerHour: 0 });
    run(healthy, 120);
    run(sim, 120);
    expect(sim.trueValue('differential_head')).toBeLessThan(0.97 * healthy.trueValue('differential_head'));
    expect(sim.trueValue('pump_efficiency')).toBeLessThan(healthy.trueValue('pump_efficiency') - 5);
    expect(sim.trueValue('flow')).toBeLessThan(healthy.trueValue('flow'));
    const perFlow = (s: typeof sim) => s.trueValue('motor_power') / s.trueValue('flow');
    expect(perFlow(sim)).toBeGreaterThan(perFlow(healthy));
  });

  it('cavitation drops NPSHa, breaks head down, roughens discharge pressure and shakes the casing', () => {
    const healthy = quietSim();
    const sim = quietSim();
    sim.injectFault({ faultId: 'cavitation', severity: 1, growthPerHour: 0 });
    run(healthy, 120);
    run(sim, 120);
    expect(sim.trueValue('npsh_available')).toBeLessThan(4);
    expect(sim.trueValue('differential_head')).toBeLessThan(0.97 * healthy.trueValue('differential_head'));
    expect(sim.trueValue('flow')).toBeLessThan(healthy.trueValue('flow'));
    expect(sim.trueValue('suction_pressure')).toBeLessThan(healthy.trueValue('suction_pressure'));
    expect(sim.trueValue('pump_casing_vibration')).toBeGreaterThan(3.2);
    expect(sim.trueValue('bearing_de_envelope')).toBeGreaterThan(healthy.trueValue('bearing_de_envelope'));
    expect(sampleStats(sim, 'discharge_pressure', 300).sd).toBeGreaterThan(
      3 * sampleStats(healthy, 'discharge_pressure', 300).sd,
    );
    for (const id of sim.tagIds) expect(Number.isFinite(sim.trueValue(id)), id).toBe(true);
  });

  it('seal_leak raises leak rate, trips the leak-pot switch and warms the seal chamber', () => {
    const healthy = quietSim();
    const sim = quietSim();
    expect(sim.trueValue('seal_leak_rate')).toBeLessThan(0.05);
    sim.injectFault({ faultId: 'seal_leak', severity: 0.5, growthPerHour: 0 });
    run(healthy, 3600, 10);
    run(sim, 3600, 10);
    expect(sim.trueValue('seal_leak_rate')).toBeGreaterThan(0.5);
    expect(sim.trueValue('seal_leak_switch')).toBe(1);
    expect(healthy.trueValue('seal_leak_switch')).toBe(0);
    expect(sim.trueValue('seal_temp')).toBeGreaterThan(healthy.trueValue('seal_temp') + 5);
  });

  it('valve_stiction holds the stem through small command changes, then it slips', () => {
    const healthy = quietSim();
    const sim = quietSim();
    sim.injectFault({ faultId: 'valve_stiction', severity: 1, growthPerHour: 0 });
    for (const s of [healthy, sim]) {
      s.setControl('valve_setpoint', 76);
      run(s, 30, 0.5);
    }
    expect(healthy.trueValue('valve_position')).toBeCloseTo(76, 1);
    expect(sim.trueValue('valve_position')).toBeCloseTo(80, 6);
    expect(sim.trueValue('valve_command')).toBe(76);
    expect(sim.trueValue('flow')).toBeGreaterThan(healthy.trueValue('flow') + 5);
    const flowStuck = sim.trueValue('flow');
    sim.setControl('valve_setpoint', 68);
    run(sim, 30, 0.5);
    expect(sim.trueValue('valve_position')).toBeLessThan(76);
    expect(sim.trueValue('valve_position')).not.toBeCloseTo(68, 0);
    expect(sim.trueValue('flow')).toBeLessThan(flowStuck - 10);
  });

  it('cooling_failure heats winding and frame at unchanged current and power', () => {
    const healthy = quietSim();
    const sim = quietSim();
    sim.injectFault({ faultId: 'cooling_failure', severity: 1, growthPerHour: 0 });
    run(healthy, 3 * 3600, 10);
    run(sim, 3 * 3600, 10);
    expect(sim.trueValue('winding_temp')).toBeGreaterThan(healthy.trueValue('winding_temp') + 40);
    expect(sim.trueValue('motor_frame_temp')).toBeGreaterThan(healthy.trueValue('motor_frame_temp') + 15);
    expect(Math.abs(sim.trueValue('motor_current') / healthy.trueValue('motor_current') - 1)).toBeLessThan(
      0.02,
    );
    expect(Math.abs(sim.trueValue('motor_power') / healthy.trueValue('motor_power') - 1)).toBeLessThan(0.02);
    expect(shaftPowerKw(sim)).toBeCloseTo(shaftPowerKw(healthy), 3);
  });

  it('linear faults grow as s0 + growth·hours and clearFault removes them', () => {
    const sim = quietSim();
    const id = sim.injectFault({ faultId: 'impeller_wear', severity: 0.2, growthPerHour: 0.1 });
    run(sim, 3 * 3600, 60);
    expect(sim.activeFaults()[0]?.severity).toBeCloseTo(0.5, 6);
    expect(sim.activeFaults()[0]?.onset).toBe(Date.UTC(2026, 0, 1));
    run(sim, 10 * 3600, 60);
    expect(sim.activeFaults()[0]?.severity).toBe(1);
    sim.clearFault(id);
    expect(sim.activeFaults()).toEqual([]);
    run(sim, 10);
    expect(sim.trueValue('pump_efficiency')).toBeGreaterThan(78);
  });
});

describe('sensor faults change only the measurement', () => {
  it('bias offsets the reading by 10 % of span at severity 1', () => {
    const sim = quietSim();
    const truth = sim.trueValue('flow');
    sim.injectFault({ faultId: 'sensor_bias', severity: 1, growthPerHour: 0, targetTag: 'flow' });
    const { mean } = sampleStats(sim, 'flow', 50);
    expect(Math.abs(mean - truth)).toBeGreaterThan(45);
    expect(Math.abs(mean - truth)).toBeLessThan(55);
    expect(sim.trueValue('flow')).toBeCloseTo(truth, 0);
  });

  it('drift grows with time', () => {
    const sim = quietSim();
    sim.injectFault({ faultId: 'sensor_drift', severity: 1, growthPerHour: 0, targetTag: 'winding_temp' });
    const early = sampleStats(sim, 'winding_temp', 10).mean - sim.trueValue('winding_temp');
    run(sim, 12 * 3600, 10);
    const late = sampleStats(sim, 'winding_temp', 10).mean - sim.trueValue('winding_temp');
    expect(Math.abs(late)).toBeGreaterThan(Math.abs(early) + 8);
  });

  it('stuck freezes the reading while the process moves', () => {
    const sim = quietSim();
    sim.injectFault({ faultId: 'sensor_stuck', severity: 1, growthPerHour: 0, targetTag: 'flow' });
    const before = sampleStats(sim, 'flow', 5);
    sim.setControl('speed_setpoint', 35);
    run(sim, 60);
    const after = sampleStats(sim, 'flow', 20);
    expect(after.sd).toBe(0);
    expect(after.mean).toBeCloseTo(before.mean, 3);
    expect(sim.trueValue('flow')).toBeLessThan(before.mean - 50);
  });

  it('dropout gives NaN and spikes give outliers', () => {
    const sim = quietSim();
    sim.injectFault({ faultId: 'sensor_dropout', severity: 1, growthPerHour: 0, targetTag: 'tank_level' });
    sim.injectFault({ faultId: 'sensor_spikes', severity: 1, growthPerHour: 0, targetTag: 'motor_current' });
    const buf = new Float32Array(sim.tagIds.length);
    const iLevel = sim.tagIds.indexOf('tank_level');
    const iCurrent = sim.tagIds.indexOf('motor_current');
    let spikes = 0;
    for (let k = 0; k < 500; k++) {
      sim.step(1);
      sim.sample(buf);
      expect(buf[iLevel]).toBeNaN();
      if (Math.abs((buf[iCurrent] ?? 0) - sim.trueValue('motor_current')) > 3) spikes++;
    }
    expect(spikes).toBeGreaterThan(20);
    expect(spikes).toBeLessThan(120);
    expect(Number.isFinite(sim.trueValue('tank_level'))).toBe(true);
  });
});

describe('bad requests', () => {
  it('injectFault names the bad field', () => {
    const sim = quietSim();
    expect(() => sim.injectFault({ faultId: 'gremlins', severity: 0.5, growthPerHour: 0 })).toThrow(
      /faultId/,
    );
    expect(() => sim.injectFault({ faultId: 'bearing_wear', severity: 1.5, growthPerHour: 0 })).toThrow(
      /severity/,
    );
    expect(() => sim.injectFault({ faultId: 'bearing_wear', severity: -0.1, growthPerHour: 0 })).toThrow(
      /severity/,
    );
    expect(() => sim.injectFault({ faultId: 'bearing_wear', severity: NaN, growthPerHour: 0 })).toThrow(
      /severity/,
    );
    expect(() => sim.injectFault({ faultId: 'bearing_wear', severity: 0.1, growthPerHour: -1 })).toThrow(
      /growthPerHour/,
    );
    expect(() => sim.injectFault({ faultId: 'sensor_bias', severity: 0.5, growthPerHour: 0 })).toThrow(
      /targetTag/,
    );
    expect(() =>
      sim.injectFault({ faultId: 'sensor_bias', severity: 0.5, growthPerHour: 0, targetTag: 'nope' }),
    ).toThrow(/targetTag/);
    expect(sim.activeFaults()).toEqual([]);
  });

  it('setControl clamps to limits and rejects unknown controls', () => {
    const sim = quietSim();
    sim.setControl('speed_setpoint', 70);
    sim.setControl('valve_setpoint', -5);
    expect(sim.controls()).toEqual({ speed_setpoint: 50, valve_setpoint: 0, level_setpoint: 2.5 });
    expect(() => sim.setControl('turbo', 1)).toThrow(/controlId/);
    expect(() => sim.trueValue('nope')).toThrow(/tagId/);
  });

  it('the plant follows setpoints at the control rate limits', () => {
    const sim = quietSim();
    sim.setControl('speed_setpoint', 30);
    sim.step(5);
    expect(sim.trueValue('vfd_frequency')).toBeCloseTo(40, 6);
    sim.step(5);
    expect(sim.trueValue('vfd_frequency')).toBe(30);
  });
});
