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
