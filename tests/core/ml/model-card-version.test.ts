import { describe, expect, it } from 'vitest';
import { parseModelCard } from '../../../core/ml/io/model-card';
import { parseForecasterCard, parseHealthCard } from '../../../core/ml/pump/card';

describe('model cards from a newer Twinscape', () => {
  it('are refused with advice to update, naming the file', () => {
    const newer = { schemaVersion: 2 };
    expect(() => parseHealthCard(newer, 'health.json')).toThrow(
      /^health\.json: schemaVersion 2 is newer.*update/,
    );
    expect(() => parseForecasterCard(newer)).toThrow(
      /^forecaster model-card\.json: schemaVersion 2 is newer/,
    );
    expect(() => parseModelCard(newer)).toThrow(/^turbofan model-card\.json: schemaVersion 2 is newer/);
  });
});
