import { describe, expect, it } from 'vitest';
import { createPumpSkidSimulator } from '../../../core/sim';
import { Rng } from '../../../core/random/rng';
import { roundToStep, suggestSetpoints } from '../../../core/whatif/optimiser';
import { runRollout } from '../../../core/whatif/rollout';
import { pumpSkid } from './helpers';

const asset = pumpSkid();

describe('setpoint optimiser (cross-entropy over the physics)', () => {
  it('lowers J on the physics simulator in at least 8 of 10 seeded situations, never outside limits', () => {
    let lowered = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const rng = new Rng(seed * 7919);
      const sim = createPumpSkidSimulator({ seed });
      sim.setControl('speed_setpoint', 30 + rng.next() * 20);
      sim.setControl('valve_setpoint', 30 + rng.next() * 70);
      for (let i = 0; i < 120; i++) sim.step(1);
      const s = suggestSetpoints({
        asset,
        from: sim.snapshot(),
        horizonS: 900,
        controlIds: ['speed_setpoint', 'valve_setpoint'],
        targets: [
          { tagId: 'flow', target: 150 + rng.next() * 150, weight: 10 },
          { tagId: 'discharge_pressure', target: 3 + rng.next() * 2, weight: 5 },
        ],
        energyWeight: 0.001,
        seed,
      });
      for (const c of asset.controls) {
        const v = s.suggested[c.id];
        if (v === undefined) continue;
        expect(v, `${c.id} in situation ${seed}`).toBeGreaterThanOrEqual(c.min);
        expect(v, `${c.id} in situation ${seed}`).toBeLessThanOrEqual(c.max);
      }
      expect(s.verifiedJ.suggested).toBeLessThanOrEqual(s.verifiedJ.current);
      if (s.verifiedJ.suggested < s.verifiedJ.current * 0.99) lowered++;
    }
    expect(lowered).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('keeps suggestions inside the limits even when the target asks for the impossible', () => {
    const sim = createPumpSkidSimulator({ seed: 4 });
    const s = suggestSetpoints({
      asset,
      from: sim.snapshot(),
      horizonS: 300,
      targets: [{ tagId: 'flow', target: 2000, weight: 10 }],
      energyWeight: 0,
      iterations: 3,
    });
    expect(s.suggested.speed_setpoint).toBeLessThanOrEqual(50);
    expect(s.suggested.valve_setpoint).toBeLessThanOrEqual(100);
    expect(s.suggested.level_setpoint).toBeLessThanOrEqual(4.5);
    expect(s.suggested.level_setpoint).toBeGreaterThanOrEqual(0.8);
  });

  it('names an unknown target tag', () => {
    const sim = createPumpSkidSimulator({ seed: 4 });
    expect(() =>
      suggestSetpoints({
        asset,
        from: sim.snapshot(),
        horizonS: 60,
        targets: [{ tagId: 'flw', target: 1, weight: 1 }],
        energyWeight: 0,
      }),
    ).toThrow(/targets\[0\]\.tagId/);
  });

  it('rounds suggestions to the control resolution an operator can type (3.4, not 3.4000000000000004)', () => {
    expect(roundToStep(3.39, 0.1, 0.8, 4.5)).toBe(3.4);
    expect(roundToStep(3.4000000000000004, 0.1, 0.8, 4.5)).toBe(3.4);
    expect(roundToStep(47.26, 0.5, 0, 50)).toBe(47.5);
    const sim = createPumpSkidSimulator({ seed: 5 });
    const s = suggestSetpoints({
      asset,
      from: sim.snapshot(),
      horizonS: 300,
      targets: [{ tagId: 'flow', target: 220, weight: 10 }],
      energyWeight: 0.01,
      iterations: 3,
    });
    for (const c of asset.controls) {
      const v = s.suggested[c.id]!;
      const decimals = String(c.step).split('.')[1]?.length ?? 0;
      expect(Number(v.toFixed(decimals)), c.id).toBe(v);
    }
  });

  it('shows what the physics predicts at the horizon with the suggestion, the same as running it', () => {
    const sim = createPumpSkidSimulator({ seed: 6 });
    for (let i = 0; i < 60; i++) sim.step(1);
    const from = sim.snapshot();
    const s = suggestSetpoints({
      asset,
      from,
      horizonS: 600,
      controlIds: ['speed_setpoint', 'valve_setpoint'],
      targets: [
        { tagId: 'flow', target: 250, weight: 10 },
        { tagId: 'discharge_pressure', target: 4.5, weight: 5 },
      ],
      energyWeight: 0.01,
      iterations: 3,
    });
    expect(s.predicted.tagIds).toEqual(['flow', 'discharge_pressure', 'motor_power']);
    let last: Float32Array | null = null;
    runRollout({
      asset,
      from,
      horizonS: 600,
      sampleIntervalS: 1,
      keepEvery: 0,
      plan: {
        controls: Object.entries(s.suggested).map(([controlId, to]) => ({
          controlId,
          atS: 0,
          to,
          shape: 'step',
          rampS: 1,
        })),
        faults: [],
      },
      onSample: (_t, v) => (last = Float32Array.from(v)),
    });
    const flowIndex = asset.tags.findIndex((t) => t.id === 'flow');
    expect(s.predicted.suggested.flow).toBeCloseTo(last![flowIndex]!, 3);
    expect(Number.isFinite(s.predicted.current.motor_power)).toBe(true);
  });
});
