import { describe, expect, it } from 'vitest';
import type { Alarm, TelemetryBatch } from '../../../core/api/types';
import { whatIfPlanSchema } from '../../../core/scenario/whatif-request';
import { createPumpSkidSimulator } from '../../../core/sim';
import { compareWhatIf } from '../../../core/whatif/compare';
import { runRollout } from '../../../core/whatif/rollout';
import { ControlSchedule, validatePlan } from '../../../core/whatif/schedule';
import { LiveSimulation } from '../../../electron/services/live-simulation';
import { pumpSkid } from './helpers';

const asset = pumpSkid();
const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);

describe('physics rollout', () => {
  it('from a forked live state equals the live simulation continued with the same inputs', () => {
    const batches: TelemetryBatch[] = [];
    let liveAlarms: Alarm[] = [];
    const live = new LiveSimulation({
      asset,
      seed: 5,
      onTelemetry: (b) => batches.push(b),
      onAlarms: (a) => (liveAlarms = a),
      now: () => 0,
    });
    live.advance(180_000);
    const fork = live.snapshot();
    batches.length = 0;

    const plan = whatIfPlanSchema.parse({
      controls: [
        { controlId: 'speed_setpoint', atS: 30, to: 42, shape: 'step' },
        { controlId: 'valve_setpoint', atS: 60, to: 50, shape: 'ramp', rampS: 30 },
      ],
      faults: [{ faultId: 'seal_leak', severity: 0.5, growthPerHour: 2, onsetS: 100 }],
    });
    const run = runRollout({ asset, from: fork, horizonS: 400, plan });

    for (let k = 0; k < 400; k++) {
      if (k === 30) live.setControl('speed_setpoint', 42);
      if (k >= 60 && k <= 90) live.setControl('valve_setpoint', 80 + ((50 - 80) * (k - 60)) / 30);
      if (k === 100) live.injectFault({ faultId: 'seal_leak', severity: 0.5, growthPerHour: 2 });
      live.advance(1000);
    }
    const liveT = batches.flatMap((b) => b.t);
    expect(liveT).toEqual(run.t);
    asset.tags.forEach((tag, i) => {
      const liveValues = batches.flatMap((b) => b.values[i] ?? []);
      expect(liveValues, tag.id).toEqual(Array.from(run.values[i] ?? [], round));
    });
    expect(liveAlarms.map((a) => a.id).sort()).toEqual(
      run.alarms
        .snapshot()
        .map((a) => a.id)
        .sort(),
    );
    expect(run.kpis.firstAlarm?.tagId).toBe('seal_leak_rate');
  });

  it('computes energy and volume a hand calculation confirms', () => {
    const sim = createPumpSkidSimulator({ seed: 2, steadyEnvironment: true });
    const plan = whatIfPlanSchema.parse({});
    let power = 0;
    let flow = 0;
    const pi = asset.tags.findIndex((t) => t.id === 'motor_power');
    const fi = asset.tags.findIndex((t) => t.id === 'flow');
    const run = runRollout({
      asset,
      from: sim.snapshot(),
      horizonS: 1800,
      plan,
      onSample: (_t, v) => {
        power += v[pi] ?? 0;
        flow += v[fi] ?? 0;
      },
    });
    const k = run.kpis.result({ failureProbability: 0, ensembleSize: 1, remainingUsefulLifeS: null });
    // Rectangle rule over 1 s samples: Σ P·1 s / 3600 = kWh; Σ Q·1 s / 3600 = m³.
    expect(k.energyKWh).toBeCloseTo(power / 3600, 6);
    expect(k.deliveredM3).toBeCloseTo(flow / 3600, 6);
    // A 55 kW pump for half an hour: about 27 kWh; ~300 m³/h for half an hour: about 150 m³.
    expect(k.energyKWh).toBeGreaterThan(20);
    expect(k.energyKWh).toBeLessThan(35);
    expect(k.deliveredM3).toBeGreaterThan(120);
    expect(k.deliveredM3).toBeLessThan(180);
    expect(k.timeToFirstAlarmS).toBeNull();
    expect(k.timeToTripS).toBeNull();
  });

  it('reports time to alarm and trip, failure probability and RUL for a growing seal leak', () => {
    const sim = createPumpSkidSimulator({ seed: 2 });
    const res = compareWhatIf({
      asset,
      from: sim.snapshot(),
      horizonS: 7200,
      ensemble: 4,
      plan: whatIfPlanSchema.parse({
        faults: [{ faultId: 'seal_leak', severity: 0.3, growthPerHour: 0.3, onsetS: 600 }],
      }),
    });
    const s = res.scenario.kpis;
    expect(res.baseline.kpis.timeToTripS).toBeNull();
    expect(res.baseline.kpis.failureProbability).toBe(0);
    // Alarm (0.5 L/h) two samples after onset, trip (5 L/h) once severity passes ~0.65, about 70 min later.
    expect(s.timeToFirstAlarmS).toBeGreaterThanOrEqual(600);
    expect(s.timeToFirstAlarmS).toBeLessThan(700);
    expect(s.firstTripTag).toBe('seal_leak_rate');
    expect(s.timeToTripS).toBeGreaterThan(600 + 3000);
    expect(s.remainingUsefulLifeS).toBe(s.timeToTripS);
    expect(s.failureProbability).toBeGreaterThan(0.5);
    expect(res.t.length).toBeLessThanOrEqual(600);
  });

  it('looks past the horizon for the remaining useful life while a fault grows', () => {
    const sim = createPumpSkidSimulator({ seed: 2 });
    const res = compareWhatIf({
      asset,
      from: sim.snapshot(),
      horizonS: 600,
      ensemble: 1,
      plan: whatIfPlanSchema.parse({ faults: [{ faultId: 'seal_leak', severity: 0.3, growthPerHour: 0.1 }] }),
    });
    expect(res.scenario.kpis.timeToTripS).toBeNull();
    expect(res.scenario.kpis.remainingUsefulLifeS).toBeGreaterThan(600);
  });
});

describe('what-if plan', () => {
  it('rejects a setpoint outside the limits, naming the field', () => {
    const plan = whatIfPlanSchema.parse({ controls: [{ controlId: 'speed_setpoint', atS: 0, to: 60 }] });
    expect(() => validatePlan(asset, plan)).toThrow(/controls\[0\]\.to: 60 Hz is outside the limits/);
  });

  it('needs a target tag for a sensor fault', () => {
    const plan = whatIfPlanSchema.parse({ faults: [{ faultId: 'sensor_drift', severity: 0.5 }] });
    expect(() => validatePlan(asset, plan)).toThrow(/faults\[0\]\.targetTag/);
  });

  it('ramps a control in a straight line from the value in force', () => {
    const s = new ControlSchedule(
      [{ controlId: 'speed_setpoint', atS: 10, to: 40, shape: 'ramp', rampS: 20 }],
      [],
    );
    expect(s.targetsAt(5, { speed_setpoint: 50 })).toEqual({});
    expect(s.targetsAt(10, { speed_setpoint: 50 })).toEqual({});
    expect(s.targetsAt(20, { speed_setpoint: 50 })).toEqual({ speed_setpoint: 45 });
    expect(s.targetsAt(40, { speed_setpoint: 45 })).toEqual({ speed_setpoint: 40 });
  });
});
