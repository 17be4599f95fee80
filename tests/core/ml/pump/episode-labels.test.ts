/**
 * The data set's RUL labels count down to the first trip (issue #17, problem 3), and its operating plans hold
 * large valve moves like the what-if's 80 → 50 % (problem 8).
 */
import { describe, expect, it } from 'vitest';
import { planDataset } from '../../../../core/ml/pump/dataset';
import { planEpisode, runEpisode } from '../../../../core/ml/pump/episodes';
import { PLANT_FAULT_IDS } from '../../../../core/sim';
import { RUL_CAP_HOURS } from '../../../../core/ml/pump/spec';
import { loadPumpAsset } from '../../../../scripts/pump/dataset-io';

const plantPlan = (faultId: string, seed: number) =>
  planEpisode(0, seed, 'plant', (PLANT_FAULT_IDS as readonly string[]).indexOf(faultId));

describe('pump-skid episode labels', () => {
  it('a seal leak counts down to the hour its leak rate crosses the trip limit', async () => {
    const asset = await loadPumpAsset();
    const limit = asset.tags.find((t) => t.id === 'seal_leak_rate')!.trip!.high!;
    const tripRows: number[] = [];
    const run = runEpisode(plantPlan('seal_leak', 11), asset.tags, (r, sim) => {
      if (sim.trueValue('seal_leak_rate') > limit) tripRows.push(r);
    });
    expect(run.eolRow).toBe(tripRows[0]);
    expect(run.rulHours[run.eolRow]).toBe(0);
    expect(run.rulHours[run.eolRow - 60]).toBeCloseTo(1, 5);
  });

  it('a bearing wear that reaches full severity without a trip reads "no trip within the cap"', async () => {
    const asset = await loadPumpAsset();
    const run = runEpisode(plantPlan('bearing_wear', 11), asset.tags);
    expect(run.eolRow).toBe(-1);
    const after = Array.from(run.rulHours.subarray(run.plan.onsetRow));
    expect(after.every((h) => h === RUL_CAP_HOURS)).toBe(true);
  });

  it('plans valve moves of 20 % and more, down and up, in every speed band', () => {
    // Moves per speed band in force (< 42, 42–46, ≥ 46 Hz; 45 Hz before the first speed change).
    const down = [0, 0, 0];
    const up = [0, 0, 0];
    for (const { plan } of planDataset(7)) {
      let valve = 80;
      let speed = 45;
      for (const e of plan.controls) {
        if (e.controlId === 'speed_setpoint') speed = e.value;
        if (e.controlId !== 'valve_setpoint') continue;
        const band = speed < 42 ? 0 : speed < 46 ? 1 : 2;
        if (e.value <= valve - 20) down[band]!++;
        if (e.value >= valve + 20) up[band]!++;
        valve = e.value;
      }
    }
    // The data set before these moves had about 510 large moves each way (and 120 in the slowest band).
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(down)).toBeGreaterThan(750);
    expect(sum(up)).toBeGreaterThan(750);
    for (const n of [...down, ...up]) expect(n).toBeGreaterThan(150);
  });
});
