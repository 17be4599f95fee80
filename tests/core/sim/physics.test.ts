import { describe, expect, it } from 'vitest';
import { createPumpSkidSimulator } from '../../../core/sim';
import { pumpHead, pumpShaftPowerKw } from '../../../core/sim/hydraulics';
import {
  WINDING_R_TH_K_PER_KW,
  WINDING_TAU_S,
  coolingFactor,
  windingSteadyTempC,
  windingTauS,
} from '../../../core/sim/motor';
import { quietSim, run, shaftPowerKw } from './helpers';

describe('pump skid operating point', () => {
  it('sits near the reference base case at 50 Hz, valve 80 %', () => {
    const sim = createPumpSkidSimulator({ seed: 3 });
    run(sim, 120);
    expect(sim.trueValue('flow')).toBeGreaterThan(290);
    expect(sim.trueValue('flow')).toBeLessThan(320);
    expect(sim.trueValue('differential_head')).toBeGreaterThan(47);
    expect(sim.trueValue('differential_head')).toBeLessThan(52);
    expect(shaftPowerKw(sim)).toBeGreaterThan(48);
    expect(shaftPowerKw(sim)).toBeLessThan(56);
    expect(sim.trueValue('motor_power')).toBeGreaterThan(48);
    expect(sim.trueValue('motor_power')).toBeLessThan(60);
    expect(sim.trueValue('pump_efficiency')).toBeGreaterThan(78);
    expect(sim.trueValue('motor_speed')).toBeGreaterThan(1480);
    expect(sim.trueValue('motor_speed')).toBeLessThan(1500);
    expect(sim.trueValue('motor_current')).toBeGreaterThan(80);
    expect(sim.trueValue('motor_current')).toBeLessThan(134);
    expect(sim.trueValue('npsh_available')).toBeGreaterThan(10);
  });

  it('holds the tank level at its setpoint with make-up inflow equal to pump flow', () => {
    const sim = quietSim();
    sim.setControl('speed_setpoint', 42);
    run(sim, 1800);
    expect(sim.trueValue('tank_level')).toBeCloseTo(2.5, 2);
    expect(sim.trueValue('tank_inflow')).toBeCloseTo(sim.trueValue('flow'), 0);
    sim.setControl('level_setpoint', 3.5);
    run(sim, 3600);
    expect(sim.trueValue('tank_level')).toBeCloseTo(3.5, 2);
  });

  it('delivers nothing and stays finite with the valve shut or the drive stopped', () => {
    const sim = quietSim();
    sim.setControl('valve_setpoint', 0);
    run(sim, 60);
    expect(sim.trueValue('flow')).toBe(0);
    // Shut-off head 60 m · r².
    const r = sim.trueValue('motor_speed') / 1480;
    expect(sim.trueValue('differential_head')).toBeCloseTo(60 * r * r, 1);
    sim.setControl('speed_setpoint', 0);
    run(sim, 60);
    for (const id of sim.tagIds) expect(Number.isFinite(sim.trueValue(id)), id).toBe(true);
    expect(sim.trueValue('motor_current')).toBe(0);
    expect(sim.trueValue('motor_speed')).toBe(0);
  });
});

describe('affinity laws', () => {
  it('pump curve scales exactly: H(rQ, r) = r²H(Q, 1), P(rQ, r) = r³P(Q, 1)', () => {
    for (const r of [0.6, 0.8, 1.1])
      for (const q of [0, 100, 300, 400]) {
        expect(pumpHead(r * q, r)).toBeCloseTo(r * r * pumpHead(q, 1), 9);
        expect(pumpShaftPowerKw(r * q, r)).toBeCloseTo(r ** 3 * pumpShaftPowerKw(q, 1), 9);
      }
  });

  it('at a homologous point the running plant has Q ∝ n, H ∝ n², P ∝ n³', () => {
    const a = quietSim();
    run(a, 60);
    const [q1, h1, p1, n1] = [
      a.trueValue('flow'),
      a.trueValue('differential_head'),
      shaftPowerKw(a),
      a.trueValue('motor_speed'),
    ];

    // At 45 Hz, open or close the valve until the flow sits on the similarity parabola Q = Q1·n2/n1.
    const b = quietSim();
    b.setControl('speed_setpoint', 45);
    run(b, 30);
    let lo = 50;
    let hi = 100;
    for (let i = 0; i < 25; i++) {
      const mid = (lo + hi) / 2;
      b.setControl('valve_setpoint', mid);
      run(b, 30);
      const target = (q1 * b.trueValue('motor_speed')) / n1;
      if (b.trueValue('flow') < target) lo = mid;
      else hi = mid;
    }
    const k = b.trueValue('motor_speed') / n1;
    expect(k).toBeGreaterThan(0.89);
    expect(k).toBeLessThan(0.91);
    expect(b.trueValue('flow') / q1).toBeCloseTo(k, 2);
    expect(b.trueValue('differential_head') / h1 / (k * k)).toBeCloseTo(1, 1);
    expect(Math.abs(shaftPowerKw(b) / p1 / k ** 3 - 1)).toBeLessThan(0.03);
    expect(Math.abs(b.trueValue('pump_efficiency') - a.trueValue('pump_efficiency'))).toBeLessThan(0.5);
  });

  it('at a fixed valve, 40 Hz lands on the affinity-scaled 50 Hz curve, below Q ∝ n because of static head', () => {
    const sim = quietSim();
    run(sim, 60);
    const q1 = sim.trueValue('flow');
    const n1 = sim.trueValue('motor_speed');
    sim.setControl('speed_setpoint', 40);
    run(sim, 120);
    const r = sim.trueValue('motor_speed') / 1480;
    const q2 = sim.trueValue('flow');
    expect(sim.trueValue('differential_head')).toBeCloseTo(r * r * pumpHead(q2 / r, 1), 3);
    expect(q2 / q1).toBeLessThan(sim.trueValue('motor_speed') / n1);
    expect(shaftPowerKw(sim)).toBeCloseTo(r ** 3 * pumpShaftPowerKw(q2 / r, 1), 3);
  });
});

describe('motor winding thermal model', () => {
  it('settles at ambient + losses · R_th and heats as a first-order lag', () => {
    const sim = quietSim();
    run(sim, 3600, 10);
    const n = sim.trueValue('motor_speed');
    const amb = sim.trueValue('ambient_temp');
    const loss = sim.trueValue('motor_power') - shaftPowerKw(sim);
    expect(loss).toBeGreaterThan(1.5);
    expect(loss).toBeLessThan(3.5);
    const rise = sim.trueValue('winding_temp') - amb;
    expect(rise).toBeCloseTo((loss * WINDING_R_TH_K_PER_KW) / coolingFactor(n, 1), 1);

    // Step change: the fan stops. New steady state and τ = C·R_th follow from the energy balance.
    const current = sim.trueValue('motor_current');
    const frame0 = sim.trueValue('motor_frame_temp');
    const theta0 = sim.trueValue('winding_temp');
    sim.injectFault({ faultId: 'cooling_failure', severity: 1, growthPerHour: 0 });
    const cooling = coolingFactor(n, 0);
    const thetaSs = windingSteadyTempC(amb, loss, cooling);
    const tau = windingTauS(cooling);
    expect(tau).toBeCloseTo(WINDING_TAU_S / cooling, 6);
    run(sim, Math.round(tau), 1);
    const fraction = (sim.trueValue('winding_temp') - theta0) / (thetaSs - theta0);
    expect(fraction).toBeGreaterThan(0.6);
    expect(fraction).toBeLessThan(0.66);
    expect(Math.abs(sim.trueValue('motor_current') / current - 1)).toBeLessThan(0.02);
    expect(sim.trueValue('motor_frame_temp')).toBeGreaterThan(frame0 + 10);
  });

  it('with a dead fan at full load and 40 °C ambient reaches the 150 °C trip within about an hour', () => {
    const ratedLoss = 3.9;
    const start = windingSteadyTempC(40, ratedLoss, 1);
    expect(start).toBeCloseTo(110, 0);
    const target = windingSteadyTempC(40, ratedLoss, coolingFactor(1484, 0));
    const tau = windingTauS(coolingFactor(1484, 0));
    const tTrip = tau * Math.log((target - start) / (target - 150));
    expect(tTrip).toBeGreaterThan(30 * 60);
    expect(tTrip).toBeLessThan(75 * 60);
  });
});
