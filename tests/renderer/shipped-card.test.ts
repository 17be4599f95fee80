/**
 * Retraining compares versions under the shipped health card's warning rule: the score kind the card names
 * (schema 2), the largest component probability for a card from before it, and a clear error for an unknown one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readShippedHealth } from '../../renderer/src/features/model-versions/shipped-card';
import { PUMP_MODEL_DIR } from '../../scripts/pump/common';

const committed = JSON.parse(
  readFileSync(path.join(PUMP_MODEL_DIR, 'health', 'model-card.json'), 'utf8'),
) as { threshold: Record<string, unknown> };

function serve(card: unknown): void {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(card), { status: 200 }));
}

describe('the shipped health card’s warning rule', () => {
  const folder = new URL('http://twin.test/models/pump-skid/health/');
  afterEach(() => vi.unstubAllGlobals());

  it('is the score kind, threshold and debounce the card names', async () => {
    serve(committed);
    const shipped = await readShippedHealth(folder);
    expect(shipped.rule).toEqual({
      score: committed.threshold.score,
      threshold: committed.threshold.value,
      debounce: committed.threshold.debounceWindows,
    });
  });

  it('reads a card without a score kind as the largest component probability', async () => {
    const { score: _score, ...old } = committed.threshold;
    serve({ ...committed, threshold: old });
    expect((await readShippedHealth(folder)).rule.score).toBe('max-component');
  });

  it('rejects an unknown score kind, naming the field', async () => {
    serve({ ...committed, threshold: { ...committed.threshold, score: 'mean' } });
    await expect(readShippedHealth(folder)).rejects.toThrow(/threshold\.score must be one of/);
  });
});
