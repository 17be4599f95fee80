import { describe, expect, it } from 'vitest';
import { deployDecision } from '../../../../core/ml/retrain/deploy-rule';
import { heldOutMetrics, type HeldOutMetrics } from '../../../../core/ml/retrain/held-out-metrics';
import {
  addVersion,
  followShipped,
  newRegistry,
  newVersionId,
  parseRegistryIndex,
  recordEvaluation,
  removeVersion,
  retrainedLabel,
  setActive,
  type ModelVersion,
} from '../../../../core/ml/retrain/registry-index';
import { ANOMALY_COMPONENTS, FAULT_CLASSES } from '../../../../core/ml/pump/spec';
import type { DetectionScoreKind } from '../../../../core/ml/pump/detection-score';

const m = (rocAuc: number, macroF1: number, falseAlarmsPer24h: number): HeldOutMetrics => ({
  rocAuc,
  macroF1,
  falseAlarmsPer24h,
  windows: 100,
  faultWindows: 40,
  healthyHours: 1,
});

/** The English reasons, in one line. */
const words = (reasons: { message: string }[]) => reasons.map((r) => r.message).join();

describe('deploy only if better on the held-out recent data', () => {
  it('deploys a version that is no worse anywhere and better somewhere', () => {
    const d = deployDecision(m(0.9, 0.7, 2), m(0.92, 0.7, 2));
    expect(d.deploy).toBe(true);
    expect(d.reasons[0]?.message).toMatch(/ROC-AUC rose from 0.900 to 0.920/);
    expect(d.reasons[0]?.phrase).toEqual({
      code: 'scoreRose',
      params: { figure: 'rocAuc', from: '0.900', to: '0.920' },
    });
  });
  it('keeps the running one when macro-F1 falls, even if ROC-AUC rises', () => {
    const d = deployDecision(m(0.9, 0.7, 2), m(0.99, 0.69, 0));
    expect(d.deploy).toBe(false);
    expect(words(d.reasons)).toMatch(/macro-F1 fell from 0.700 to 0.690/);
  });
  it('tolerates a ROC-AUC drop of up to 0.005, not more', () => {
    expect(deployDecision(m(0.9, 0.7, 2), m(0.896, 0.75, 2)).deploy).toBe(true);
    const d = deployDecision(m(0.9, 0.7, 2), m(0.894, 0.75, 2));
    expect(d.deploy).toBe(false);
    expect(words(d.reasons)).toMatch(/ROC-AUC fell .*more than 0.005/);
  });
  it('keeps the running one on more false alarms, on equal figures, and on figures it cannot compute', () => {
    expect(
      deployDecision(m(0.9, 0.7, 2), m(0.95, 0.8, 4))
        .reasons.map((r) => r.message)
        .join(),
    ).toMatch(/false alarms rose from 2.0 to 4.0/);
    expect(deployDecision(m(0.9, 0.7, 2), m(0.9, 0.7, 2))).toEqual({
      deploy: false,
      reasons: [expect.objectContaining({ message: expect.stringMatching(/no figure improved/) })],
    });
    expect(deployDecision(m(0.9, 0.7, 2), m(Number.NaN, 0.8, 0)).deploy).toBe(false);
  });
});

/**
 * Eight one-minute windows: four healthy, then four of class 1. Healthy windows 2 and 3 score high on the first
 * component (one warning, two in a row, in 4 healthy minutes); window 4, a fault, reads as healthy.
 */
function eightWindows() {
  const K = ANOMALY_COMPONENTS.length;
  const C = FAULT_CLASSES.length;
  const n = 8;
  const faultClass = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
  const anomaly = new Float32Array(n * K);
  const probs = new Float32Array(n * C);
  [0.1, 0.2, 0.9, 0.95, 0.8, 0.85, 0.9, 0.99].forEach((s, i) => (anomaly[i * K] = s));
  faultClass.forEach((c, i) => (probs[i * C + (i === 4 ? 0 : c)] = 1));
  return { anomaly, probs, truth: { count: n, faultClass, stretch: new Int32Array(n), stride: 1 } };
}

/** The eight windows' figures when warning on `score` ≥ 0.7 for two windows in a row. */
function eightWindowFigures(score: DetectionScoreKind) {
  const { anomaly, probs, truth } = eightWindows();
  return heldOutMetrics(anomaly, probs, truth, { score, threshold: 0.7, debounce: 2 });
}

describe('held-out figures', () => {
  it('scores detection, fault type and false alarms per healthy run', () => {
    const out = eightWindowFigures('max-component');
    // Fault beats healthy in 10 of 16 pairs, ties once: 10.5 / 16.
    expect(out.rocAuc).toBeCloseTo(10.5 / 16, 6);
    expect(out.falseAlarmsPer24h).toBeCloseTo((24 * 60) / 4, 6);
    expect(out.healthyHours).toBeCloseTo(4 / 60, 9);
    // healthy: P 4/5 R 1 → F1 0.889; class 1: P 1 R 3/4 → 0.857.
    expect(out.macroF1).toBeCloseTo((8 / 9 + 6 / 7) / 2, 6);
  });

  it("scores windows by the card's detection score kind", () => {
    // 1 − P(healthy): 0 on every healthy window and on window 4, 1 on windows 5–7.
    const notHealthy = eightWindowFigures('not-healthy');
    expect(notHealthy.rocAuc).toBeCloseTo(14 / 16, 6);
    expect(notHealthy.falseAlarmsPer24h).toBe(0);
    // The larger of both: healthy 0.1, 0.2, 0.9, 0.95; faults 0.8, 1, 1, 1.
    const both = eightWindowFigures('max-both');
    expect(both.rocAuc).toBeCloseTo(14 / 16, 6);
    expect(both.falseAlarmsPer24h).toBeCloseTo((24 * 60) / 4, 6);
  });
});

describe('model registry index', () => {
  const t0 = new Date(2026, 10, 28, 23, 10, 5);
  const retrained = (id: string, baseCard = 'card-1'): ModelVersion => ({
    id,
    label: retrainedLabel(t0),
    kind: 'retrained',
    createdAt: t0.toISOString(),
    storageUrl: `indexeddb://twinscape/pump-skid/health/${id}`,
    parentId: 'shipped',
    baseCard,
    training: null,
    evaluation: null,
    decision: { deployed: false, reasons: ['x'] },
  });

  it('starts with the shipped version running and labels retrains by local time', () => {
    const ix = newRegistry('pump-skid/health', 'card-1', t0);
    expect(ix.activeId).toBe('shipped');
    expect(ix.versions.map((v) => v.label)).toEqual(['v1 (shipped)']);
    expect(retrainedLabel(t0)).toBe('retrained 2026-11-28 23:10');
  });

  it('adds versions with unique ids, switches, records figures and survives a JSON round trip', () => {
    let ix = newRegistry('pump-skid/health', 'card-1', t0);
    const id = newVersionId(ix, t0);
    ix = addVersion(ix, retrained(id));
    const id2 = newVersionId(ix, t0);
    expect(id2).not.toBe(id);
    expect(() => addVersion(ix, retrained(id))).toThrow(/exists/);
    ix = setActive(ix, id, 'card-1');
    ix = recordEvaluation(ix, id, m(0.9, Number.NaN, 1), { from: 1, to: 2 }, t0);
    const back = parseRegistryIndex(JSON.parse(JSON.stringify(ix)), 'test');
    expect(back.activeId).toBe(id);
    expect(back.versions[1]!.evaluation).toMatchObject({ rocAuc: 0.9, macroF1: null, falseAlarmsPer24h: 1 });
    expect(() => removeVersion(back, id)).toThrow(/switch to another version/);
    expect(removeVersion(setActive(back, 'shipped', 'card-1'), id).versions).toHaveLength(1);
  });

  it('names what is wrong in a damaged index', () => {
    const ix = { ...newRegistry('pump-skid/health', 'card-1', t0), activeId: 'gone' };
    expect(() => parseRegistryIndex(ix, 'localStorage x')).toThrow(
      /localStorage x: activeId: "gone" is not a listed version/,
    );
    expect(() => parseRegistryIndex({ schemaVersion: 9 }, 'f')).toThrow(/^f: /);
  });

  it('falls back to the shipped model when it changed under a retrained version', () => {
    let ix = addVersion(newRegistry('pump-skid/health', 'card-1', t0), retrained('r1'));
    ix = recordEvaluation(setActive(ix, 'r1', 'card-1'), 'shipped', m(0.9, 0.8, 1), { from: 1, to: 2 }, t0);
    const next = followShipped(ix, 'card-2');
    expect(next.activeId).toBe('shipped');
    expect(next.versions[0]!.evaluation).toBeNull();
    expect(() => setActive(next, 'r1', 'card-2')).toThrow(/earlier shipped model/);
    expect(followShipped(ix, 'card-1')).toEqual(ix);
  });
});
