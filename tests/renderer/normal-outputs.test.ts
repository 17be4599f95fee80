import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../core/asset/parse';
import { normalColorScore, normalOutputs, normalWhy } from '../../renderer/src/predictions/normal-outputs';
import { SCORE_GREY } from '../../renderer/src/scene/paint/colormap';

const parsed = parseAssetJson(readFileSync('assets/skab-testbed/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('skab-testbed asset is invalid');
const asset = parsed.asset;
const tagIds = asset.tags.map((t) => t.id);
const T = 4;
/** Contributions with the named tags set (z units), every other tag at 0.3. */
const contributions = (set: Record<string, number>) => tagIds.map((id) => set[id] ?? 0.3);
const part = (id: string) => asset.components.findIndex((c) => c.id === id);

describe('normal-behaviour score on the "Anomaly probability" colour scale', () => {
  it('keeps normal running grey and puts the threshold exactly mid-scale', () => {
    expect(normalColorScore(0, T)).toBe(0);
    expect(normalColorScore(0.5 * T, T)).toBeCloseTo(SCORE_GREY, 12);
    expect(normalColorScore(0.4 * T, T)).toBeLessThan(SCORE_GREY);
    expect(normalColorScore(T, T)).toBeCloseTo(0.5, 12);
    expect(normalColorScore(-T, T)).toBeCloseTo(0.5, 12);
    expect(normalColorScore(2 * T, T)).toBeCloseTo(1, 12);
    expect(normalColorScore(10 * T, T)).toBe(1);
  });

  it('rises monotonically with the deviation', () => {
    const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((z) => normalColorScore(z, T));
    for (let k = 1; k < scores.length; k++) expect(scores[k]!).toBeGreaterThanOrEqual(scores[k - 1]!);
  });

  it('says nothing (NaN, painted grey) for a missing score or a threshold that is not positive', () => {
    expect(normalColorScore(Number.NaN, T)).toBeNaN();
    expect(normalColorScore(3, 0)).toBeNaN();
  });
});

describe('normal-behaviour verdict on the parts', () => {
  it('colours each part by its most deviating tag; parts without tags stay unscored', () => {
    const verdict = { score: 9, alarm: true, contributions: contributions({ flow_rate: -9, motor_temp: 2 }) };
    const { anomaly } = normalOutputs(asset, tagIds, verdict, T);
    expect(anomaly![part('flow_meter')]).toBe(1);
    expect(anomaly![part('motor')]).toBeCloseTo(normalColorScore(2, T), 6);
    expect(anomaly![part('pump')]).toBeLessThan(SCORE_GREY);
    expect(anomaly![part('coupling')]).toBeNaN();
  });

  it('lists the tags driving the score, strongest first, and names at least one tag for an alarm', () => {
    expect(
      normalWhy(tagIds, contributions({ flow_rate: -9, loop_pressure: 3 }), T, true).map((w) => w.tagId),
    ).toEqual(['flow_rate', 'loop_pressure']);
    expect(normalWhy(tagIds, contributions({}), T, false)).toEqual([]);
    expect(normalWhy(tagIds, contributions({ motor_current: 1.5 }), T, true).map((w) => w.tagId)).toEqual([
      'motor_current',
    ]);
  });

  it('gives every part the asset-wide why, so selecting any part explains the alarm', () => {
    const verdict = { score: 9, alarm: true, contributions: contributions({ flow_rate: 9 }) };
    const { influences, why } = normalOutputs(asset, tagIds, verdict, T);
    expect(why[0]).toEqual({ tagId: 'flow_rate', weight: 9 / T });
    expect(influences).toHaveLength(asset.components.length);
    expect(influences![part('motor')]).toEqual(why);
  });
});
