/** Pure parts of the what-if surrogate: plan → setpoints per model minute, and the surrogate-vs-physics table. */
import { describe, expect, it } from 'vitest';
import { PUMP_CONTROLS } from '../../core/ml/pump/spec';
import type { WhatIfComparison } from '../../core/whatif/compare';
import { plannedControlsPerMinute } from '../../renderer/src/predictions/surrogate-input';
import {
  cardHorizonFor,
  surrogateGaps,
  surrogateOnGrid,
  valueAt,
} from '../../renderer/src/features/whatif/surrogate/surrogate-compare';
import type { SurrogateRollout } from '../../renderer/src/features/whatif/surrogate/surrogate-rollout';

const FORK = { speed_setpoint: 42, valve_setpoint: 80, level_setpoint: 2.5 };
const C = PUMP_CONTROLS.length;
const column = (m: Float32Array, id: string) => {
  const j = PUMP_CONTROLS.indexOf(id);
  return Array.from({ length: m.length / C }, (_, h) => m[h * C + j]!);
};

describe('plan → setpoints per minute', () => {
  it('holds every setpoint at its fork value when the plan changes nothing', () => {
    const m = plannedControlsPerMinute({ controls: [] }, FORK, 60);
    expect(m.length).toBe(60 * C);
    expect(new Set(column(m, 'speed_setpoint'))).toEqual(new Set([42]));
    expect(column(m, 'level_setpoint').every((v) => Math.abs(v - 2.5) < 1e-6)).toBe(true);
  });

  it('puts a step in the minute whose middle it precedes', () => {
    const m = plannedControlsPerMinute(
      { controls: [{ controlId: 'speed_setpoint', atS: 100, to: 48 }] },
      FORK,
      5,
    );
    // Minute 1 covers 60–120 s (middle 90 s: before the step); minute 2 (middle 150 s) has it.
    expect(column(m, 'speed_setpoint')).toEqual([42, 42, 48, 48, 48]);
    expect(column(m, 'valve_setpoint')).toEqual([80, 80, 80, 80, 80]);
  });

  it('follows a ramp from the value in force when it starts, then holds its target', () => {
    const m = plannedControlsPerMinute(
      { controls: [{ controlId: 'valve_setpoint', atS: 0, to: 60, shape: 'ramp', rampS: 600 }] },
      FORK,
      12,
    );
    const v = column(m, 'valve_setpoint');
    for (let h = 0; h < 10; h++) expect(v[h]).toBeCloseTo(80 - (20 * (h + 0.5) * 60) / 600, 4);
    expect(v.slice(10)).toEqual([60, 60]);
  });

  it('lets a later change of the same control win and leaves the others alone', () => {
    const m = plannedControlsPerMinute(
      {
        controls: [
          { controlId: 'speed_setpoint', atS: 0, to: 45 },
          { controlId: 'speed_setpoint', atS: 180, to: 40 },
          { controlId: 'level_setpoint', atS: 60, to: 3 },
        ],
      },
      FORK,
      5,
    );
    expect(column(m, 'speed_setpoint')).toEqual([45, 45, 45, 40, 40]);
    expect(column(m, 'level_setpoint')).toEqual([2.5, 3, 3, 3, 3]);
  });

  it('names a setpoint missing at the fork and a malformed change', () => {
    expect(() => plannedControlsPerMinute({ controls: [] }, { speed_setpoint: 42 }, 5)).toThrow(
      /"valve_setpoint" is missing/,
    );
    expect(() =>
      plannedControlsPerMinute({ controls: [{ controlId: 'speed_setpoint', atS: -5, to: 40 }] }, FORK, 5),
    ).toThrow(/atS/);
  });
});

describe('surrogate vs physics', () => {
  const t0 = 1_000_000;
  // Physics every 30 s for 10 min: flow 100 rising 1 m³/h per minute; power constant 50 kW.
  const pt = Array.from({ length: 21 }, (_, i) => t0 + i * 30_000);
  const physics = {
    t: pt,
    tagIds: ['flow', 'motor_power'],
    scenario: { values: [pt.map((t) => 100 + (t - t0) / 60_000), pt.map(() => 50)] },
  } as unknown as WhatIfComparison;
  const surrogate: SurrogateRollout = {
    key: 'k',
    forkId: 'f',
    forkTime: t0,
    t: Array.from({ length: 10 }, (_, h) => t0 + (h + 1) * 60_000),
    // Flow 3 above the physics, power 0.5 below.
    values: [Array.from({ length: 10 }, (_, h) => 100 + (h + 1) + 3), Array.from({ length: 10 }, () => 49.5)],
    baseline: [Array.from({ length: 10 }, () => 100), Array.from({ length: 10 }, () => 50)],
    outsideTraining: [],
    minutes: 10,
    requestedMinutes: 10,
    computeMs: 4,
    pastSource: 'live buffer',
  };
  const card = { '1': { flow: 1, motor_power: 1 }, '10': { flow: 1, motor_power: 1 }, '30': { flow: 9 } };

  it('reports the mean gap per tag against the card MAE at the covering horizon and flags > 2×', () => {
    const g = surrogateGaps(physics, surrogate, ['flow', 'motor_power'], card);
    expect(g.cardHorizonMin).toBe(10);
    expect(g.rows[0]).toMatchObject({ tagId: 'flow', cardMae: 1, flagged: true });
    expect(g.rows[0]!.gap).toBeCloseTo(3, 6);
    expect(g.rows[1]).toMatchObject({ tagId: 'motor_power', cardMae: 1, flagged: false });
    expect(g.rows[1]!.gap).toBeCloseTo(0.5, 6);
  });

  it('picks the smallest card horizon covering the answer, else the longest', () => {
    expect(cardHorizonFor(card, 1)).toBe(1);
    expect(cardHorizonFor(card, 15)).toBe(30);
    expect(cardHorizonFor(card, 240)).toBe(30);
    expect(cardHorizonFor({}, 10)).toBeNull();
  });

  it('interpolates linearly and is null outside a series or next to a missing point', () => {
    expect(valueAt([0, 10], [0, 100], 2.5)).toBe(25);
    expect(valueAt([0, 10], [0, 100], 11)).toBeNull();
    expect(valueAt([0, 10, 20], [0, null, 5], 15)).toBeNull();
    const grid = surrogateOnGrid(pt, surrogate, 1);
    expect(grid[0]).toBeNull(); // the fork itself: the surrogate starts at +1 min
    expect(grid[2]).toBeCloseTo(49.5);
  });
});
