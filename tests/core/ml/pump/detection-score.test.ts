/**
 * The health model's detection score kinds, the choice of kind and threshold on validation, the card's
 * warning rule (schema 2, and version-1 cards read as the largest component probability) and the data set's
 * validation-only healthy episodes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHealthCard } from '../../../../core/ml/pump/card';
import { planDataset, DEFAULT_SIZES } from '../../../../core/ml/pump/dataset';
import { bestCandidate, detectionCandidates } from '../../../../core/ml/pump/detection-choice';
import { detectionScore, detectionScoresOf, warningRuleOf } from '../../../../core/ml/pump/detection-score';
import { ANOMALY_COMPONENTS, FAULT_CLASSES } from '../../../../core/ml/pump/spec';
import { PUMP_MODEL_DIR } from '../../../../scripts/pump/common';

const A = ANOMALY_COMPONENTS.length;
const K = FAULT_CLASSES.length;

/** Windows with component probabilities `comp` (on the first component) and P(healthy) `healthy`. */
function windows(comp: number[], healthy: number[]) {
  const anomaly = new Float32Array(comp.length * A);
  const faultProbs = new Float32Array(comp.length * K);
  comp.forEach((c, i) => {
    anomaly[i * A] = c;
    faultProbs[i * K] = healthy[i]!;
    faultProbs[i * K + 1] = 1 - healthy[i]!;
  });
  return { anomaly, faultProbs };
}

describe('detection score', () => {
  it('reads the largest component, 1 − P(healthy), or the larger of both', () => {
    const { anomaly, faultProbs } = windows([0.3], [0.2]);
    expect(detectionScore('max-component', anomaly, faultProbs)).toBeCloseTo(0.3, 6);
    expect(detectionScore('not-healthy', anomaly, faultProbs)).toBeCloseTo(0.8, 6);
    expect(detectionScore('max-both', anomaly, faultProbs)).toBeCloseTo(0.8, 6);
    const w = windows([0.9, 0.1], [0.5, 0.95]);
    expect([...detectionScoresOf('max-both', w.anomaly, w.faultProbs, 2)]).toEqual([
      Math.fround(0.9),
      expect.closeTo(0.1, 6),
    ]);
  });

  it('chooses the kind with the best ROC-AUC among those within the false-alarm budget', () => {
    // Episode 0 healthy (onset past its end), episode 1 faulty from row 4.
    // The components miss the fault; the fault-type head sees it.
    const w = windows([0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.1, 0.2], [0.9, 0.95, 0.9, 0.9, 0.9, 0.1, 0.05, 0.1]);
    const out = {
      count: 8,
      ...w,
      labels: { faultClass: Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1]) },
      frameIndex: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]),
      endRow: Int32Array.from([0, 1, 2, 3, 3, 4, 5, 6]),
    };
    const episodes = [{ onsetRow: 100 }, { onsetRow: 4 }];
    const candidates = detectionCandidates(out, episodes, 1, 0.5, 2);
    expect(candidates.map((c) => c.kind)).toEqual(['max-component', 'not-healthy', 'max-both']);
    const best = bestCandidate(candidates, 0.5);
    expect(best.kind).toBe('not-healthy');
    expect(best.rocAuc).toBe(1);
    expect(best.falseAlarmsPer24h).toBe(0);
    // Nothing within the budget: the fewest false alarms.
    expect(
      bestCandidate(
        [
          { kind: 'max-component', rocAuc: 0.99, threshold: 0.99, falseAlarmsPer24h: 3 },
          { kind: 'max-both', rocAuc: 0.9, threshold: 0.99, falseAlarmsPer24h: 1 },
        ],
        0.5,
      ).kind,
    ).toBe('max-both');
  });
});

describe('the health card’s warning rule', () => {
  const file = path.join(PUMP_MODEL_DIR, 'health', 'model-card.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

  it('names the score kind its threshold applies to', () => {
    const card = parseHealthCard(json, file);
    const rule = warningRuleOf(card);
    expect(rule).toEqual({
      score: card.threshold.score,
      threshold: card.threshold.value,
      debounce: card.threshold.debounceWindows,
    });
    // The committed card's rule is the one chosen on validation and recorded with its candidates.
    const chosen = card.threshold.choice!.candidates.find((c) => c.kind === rule.score)!;
    expect(chosen.threshold).toBe(rule.threshold);
  });

  it('reads a version-1 card (no score kind) as the largest component probability', () => {
    const { score: _score, choice: _choice, ...old } = json.threshold as Record<string, unknown>;
    const card = parseHealthCard({ ...json, schemaVersion: 1, threshold: old }, 'v1 card');
    expect(card.schemaVersion).toBe(2);
    expect(card.threshold.score).toBe('max-component');
    expect(() => parseHealthCard({ ...json, schemaVersion: 3 }, 'future card')).toThrow(/newer/);
  });
});

describe('validation-only healthy episodes', () => {
  it('come after every other episode, in validation, and leave the others unchanged', () => {
    const base = planDataset(7);
    const more = planDataset(7, { ...DEFAULT_SIZES, extraValHealthy: 5 });
    expect(more.slice(0, base.length)).toEqual(base);
    const extra = more.slice(base.length);
    expect(extra).toHaveLength(5);
    for (const p of extra) {
      expect(p.split).toBe('val');
      expect(p.plan.kind).toBe('healthy');
    }
    expect(new Set(more.map((p) => p.plan.seed)).size).toBe(more.length);
  });
});
