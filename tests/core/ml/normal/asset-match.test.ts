import { describe, expect, it } from 'vitest';
import {
  normalCardMismatch,
  normalModelCard,
  parseNormalModelCard,
  trainNormalModel,
} from '../../../../core/ml/normal';
import { frameOf, normalRows, syntheticTags } from './synthetic';

const tags = syntheticTags(3).map((t, j) => ({ ...t, unit: ['bar', 'degC', 'L/min'][j]! }));
const trained = trainNormalModel(frameOf(normalRows(400, 3, 5), tags), tags);
const card = normalModelCard(trained.model, trained.report, {
  asset: 'synthetic',
  trainedOn: 'rows 1–400',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('normalCardMismatch', () => {
  it('accepts the asset the card was trained on, and one that gained a tag', () => {
    expect(card.model.tags.map((t) => t.unit)).toEqual(['bar', 'degC', 'L/min']);
    expect(normalCardMismatch(card, tags)).toBeNull();
    expect(normalCardMismatch(card, [...tags, { ...tags[0]!, id: 'extra' }])).toBeNull();
  });

  it('names a tag that was renamed or removed', () => {
    const renamed = tags.map((t) => (t.id === 't1' ? { ...t, id: 'bearing_temp' } : t));
    expect(normalCardMismatch(card, renamed)).toMatch(
      /the model watches tag "t1", which the asset no longer has \(renamed or removed\)/,
    );
  });

  it('names a tag whose unit changed, with both units', () => {
    const kpa = tags.map((t) => (t.id === 't0' ? { ...t, unit: 'kPa' } : t));
    expect(normalCardMismatch(card, kpa)).toMatch(
      /tag "t0" is in kPa on the asset but the model was trained in bar/,
    );
  });

  it('reads a schema-1 card (no units) and checks only its tag ids', () => {
    const v1 = JSON.parse(JSON.stringify(card)) as { schemaVersion: number; model: { tags: object[] } };
    v1.schemaVersion = 1;
    v1.model.tags = v1.model.tags.map((t) => {
      const { unit: _unit, ...rest } = t as { unit: string };
      return rest;
    });
    const old = parseNormalModelCard(v1, 'old.json');
    expect(old.model.tags.map((t) => t.unit)).toEqual([null, null, null]);
    expect(
      normalCardMismatch(
        old,
        tags.map((t) => ({ ...t, unit: 'kPa' })),
      ),
    ).toBeNull();
    expect(normalCardMismatch(old, tags.slice(1))).toMatch(/"t0"/);
  });
});
