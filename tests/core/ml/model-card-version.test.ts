import { describe, expect, it } from 'vitest';
import { parseModelCard } from '../../../core/ml/io/model-card';
import { parseForecasterCard, parseHealthCard } from '../../../core/ml/pump/card';

describe('model cards from a newer Twinscape', () => {
  it('are refused with advice to update, naming the file', () => {
    const newer = { schemaVersion: 2 };
    const newerPump = { schemaVersion: 3 };
    expect(() => parseHealthCard(newerPump, 'health.json')).toThrow(
      /^health\.json: schemaVersion 3 is newer.*update/,
    );
    expect(() => parseForecasterCard(newerPump)).toThrow(
      /^forecaster model-card\.json: schemaVersion 3 is newer/,
    );
    expect(() => parseModelCard(newer)).toThrow(/^turbofan model-card\.json: schemaVersion 2 is newer/);
  });
});
