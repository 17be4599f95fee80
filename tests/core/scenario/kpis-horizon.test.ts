import { describe, expect, it } from 'vitest';
import { KpiAccumulator, kpiDeltas } from '../../../core/scenario/kpis';
import { pumpSkid } from '../whatif/helpers';

const asset = pumpSkid();
const de = asset.tags.findIndex((t) => t.id === 'bearing_de_temp');
const nde = asset.tags.findIndex((t) => t.id === 'bearing_nde_temp');

/** A run whose DE bearing goes from `start` to `end` over 60 samples (NDE stays cooler). */
function run(start: number, end: number) {
  const kpis = new KpiAccumulator(asset);
  for (let i = 0; i <= 60; i++) {
    const row = new Float32Array(asset.tags.length).fill(Number.NaN);
    row[de] = start + ((end - start) * i) / 60;
    row[nde] = 40;
    kpis.add(60, row);
  }
  return kpis.result({ failureProbability: 0, ensembleSize: 1, remainingUsefulLifeS: null });
}

describe('what-if bearing temperature KPIs', () => {
  it('show where a cooling plan leaves the bearing, not only a peak that sits at the fork', () => {
    const baseline = run(69.1, 69.1);
    const cooled = run(69.1, 57.1);
    expect(cooled.peakBearingTempC).toBeCloseTo(69.1, 4);
    expect(cooled.bearingTempAtHorizonC).toBeCloseTo(57.1, 4);
    const deltas = kpiDeltas(baseline, cooled);
    expect(deltas.peakBearingTempC).toBeCloseTo(0, 4);
    expect(deltas.bearingTempAtHorizonC).toBeCloseTo(-12, 4);
  });
});
