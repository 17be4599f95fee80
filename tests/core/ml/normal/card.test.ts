import { describe, expect, it } from 'vitest';
import {
  CausalScorer,
  normalModelCard,
  parseNormalModelCard,
  trainNormalModel,
} from '../../../../core/ml/normal';
import { frameOf, normalRows, syntheticTags } from './synthetic';

const tags = syntheticTags(3);
const rows = normalRows(400, tags.length, 31, [0, 0.7, 0]);
const trained = trainNormalModel(frameOf(rows, tags), tags);
const card = normalModelCard(trained.model, trained.report, {
  asset: 'synthetic',
  trainedOn: '400 rows of synthetic normal running',
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('normal-behaviour model card', () => {
  it('round-trips through JSON and scores the same', () => {
    const back = parseNormalModelCard(JSON.parse(JSON.stringify(card)));
    expect(back).toEqual(card);
    const a = new CausalScorer(trained.model);
    const b = new CausalScorer(back.model);
    for (const row of normalRows(100, tags.length, 32)) expect(b.push(row)).toEqual(a.push(row));
  });

  it('refuses a newer schema version and a broken model, naming the problem', () => {
    expect(() => parseNormalModelCard({ ...card, schemaVersion: 3 }, 'card.json')).toThrow(
      /card.json: schemaVersion 3 is newer/,
    );
    const broken = { ...card, model: { ...card.model, threshold: -1 } };
    expect(() => parseNormalModelCard(broken)).toThrow(/threshold/);
  });
});

describe('normal-behaviour model card, training record', () => {
  it('records the held-out false alarms, the training span and each tag unit', () => {
    const withData = normalModelCard(trained.model, trained.report, {
      asset: 'synthetic',
      trainedOn: 'rows 1–400',
      createdAt: '2025-01-01T00:00:00.000Z',
      data: { source: 'synthetic.csv', fromMs: 0, toMs: 399_000 },
    });
    const back = parseNormalModelCard(JSON.parse(JSON.stringify(withData)));
    expect(back.training.data).toEqual({ source: 'synthetic.csv', fromMs: 0, toMs: 399_000 });
    expect(back.training.heldOutAlarms).toEqual(trained.report.heldOutAlarms);
    expect(back.training.heldOutAlarms!.alarms).toBe(0);
    expect(back.model.tags.map((t) => t.unit)).toEqual(['1', '1', '1']);
  });

  it('names the file and the field when a card is broken', () => {
    const noUnit = JSON.parse(JSON.stringify(card)) as { model: { tags: { unit?: unknown }[] } };
    noUnit.model.tags[1]!.unit = 7;
    expect(() => parseNormalModelCard(noUnit, 'models/a/normal/x.json')).toThrow(
      /^models\/a\/normal\/x\.json: model\.tags\.1\.unit: /,
    );
  });
});
