import { describe, expect, it } from 'vitest';
import { planDataset, parseDatasetIndex } from '../../../../core/ml/pump/dataset';
import { FAULT_CLASSES, PUMP_CONTROLS, PUMP_TAGS } from '../../../../core/ml/pump/spec';

describe('pump-skid data set plan', () => {
  const plan = planDataset(7);

  it('splits by episode: no episode is in two splits, and each split sees every fault type', () => {
    const ids = new Map<number, string>();
    for (const p of plan) {
      expect(ids.has(p.plan.id)).toBe(false);
      ids.set(p.plan.id, p.split);
    }
    for (const split of ['train', 'val', 'test']) {
      const faults = new Set(plan.filter((p) => p.split === split).map((p) => p.plan.faultId ?? 'healthy'));
      for (const f of FAULT_CLASSES.slice(0, 7)) expect(faults.has(f), `${split} lacks ${f}`).toBe(true);
    }
    const seeds = plan.map((p) => p.plan.seed);
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('is reproducible from its seed and differs for another seed', () => {
    expect(planDataset(7)).toEqual(plan);
    expect(planDataset(8).map((p) => p.plan.seed)).not.toEqual(plan.map((p) => p.plan.seed));
  });

  it('rejects an index whose tag list does not match the pump skid, naming the field', () => {
    const file = { name: 'a', dtype: 'float32', width: 1, sha256: '0'.repeat(64) };
    const index = {
      schemaVersion: 1,
      asset: 'pump-skid',
      createdAt: '',
      seed: 7,
      sizes: { healthy: 1, perPlantFault: 0, perSensorFault: 0 },
      samplePeriodS: 60,
      tagIds: [...PUMP_TAGS],
      controlIds: [...PUMP_CONTROLS],
      totalRows: 10,
      hash: '0'.repeat(64),
      files: { tags: file, controls: file, faultClass: file, rulHours: file },
      episodes: [
        {
          id: 0,
          seed: 1,
          split: 'train',
          kind: 'healthy',
          faultIndex: 0,
          faultId: null,
          targetTag: null,
          onsetRow: 10,
          eolRow: -1,
          rows: 10,
          rowOffset: 0,
        },
      ],
    };
    expect(parseDatasetIndex(index).totalRows).toBe(10);
    expect(() => parseDatasetIndex({ ...index, tagIds: ['flow'] }, 'idx.json')).toThrow(
      /idx\.json: tagIds: do not match/,
    );
  });
});
