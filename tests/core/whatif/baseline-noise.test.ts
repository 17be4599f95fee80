/**
 * "Do nothing" and the plan see the same noise: a sensor fault in the plan must not shift the ambient,
 * demand or other sensors' noise of one side against the other, or the change coloring shows drift that
 * the plan did not cause.
 */
import { describe, expect, it } from 'vitest';
import { createPumpSkidSimulator } from '../../../core/sim';
import { whatIfPlanSchema } from '../../../core/scenario/whatif-request';
import { compareWhatIf } from '../../../core/whatif/compare';
import { pumpSkid } from './helpers';

const asset = pumpSkid();

function forkAfter(seconds: number) {
  const sim = createPumpSkidSimulator({ seed: 3 });
  for (let i = 0; i < seconds; i++) sim.step(1);
  return sim.snapshot();
}

const series = (r: ReturnType<typeof compareWhatIf>, side: 'baseline' | 'scenario', tag: string) =>
  r[side].values[r.tagIds.indexOf(tag)] ?? [];

describe('what-if baseline noise', () => {
  for (const faultId of ['sensor_drift', 'sensor_spikes', 'sensor_dropout', 'sensor_bias']) {
    it(`a ${faultId} on a bearing temperature sensor leaves ambient temperature and untouched sensors identical`, () => {
      const plan = whatIfPlanSchema.parse({
        faults: [{ faultId, severity: 0.8, growthPerHour: 0.5, onsetS: 120, targetTag: 'bearing_de_temp' }],
      });
      const r = compareWhatIf({
        asset,
        from: forkAfter(300),
        horizonS: 1800,
        plan,
        ensemble: 1,
        rulLookaheadS: 0,
      });
      for (const tag of ['ambient_temp', 'tank_level', 'motor_power', 'flow'])
        expect(series(r, 'scenario', tag), tag).toEqual(series(r, 'baseline', tag));
      // The faulted sensor itself does differ.
      expect(series(r, 'scenario', 'bearing_de_temp')).not.toEqual(series(r, 'baseline', 'bearing_de_temp'));
    });
  }
});
