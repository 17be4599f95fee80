import { describe, expect, it } from 'vitest';
import { createPumpSkidSimulator } from '../../../core/sim';
import { Rng } from '../../../core/random/rng';
import { suggestSetpoints } from '../../../core/whatif/optimiser';
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
});
