import { describe, expect, it } from 'vitest';
import type { TagDefinition } from '../../../../core/asset/schema';
import { Quality } from '../../../../core/data/quality';
import { preflightNormalTraining, type NormalPreflightIssue } from '../../../../core/ml/normal';
import { frameOf, normalRows, syntheticTags } from './synthetic';

/** Three tags of synthetic normal running; t2 has alarm limits well outside its normal level (20 ± 1). */
const tags: TagDefinition[] = syntheticTags(3).map((t) =>
  t.id === 't2' ? { ...t, unit: 'bar', alarm: { low: 10, high: 30 }, trip: { high: 40 } } : t,
);
const rows = (n: number, seed = 1) => normalRows(n, tags.length, seed);
/** Wall-clock frame: 1 Hz from 2026-01-01 00:00:00Z. */
const EPOCH_S = Date.UTC(2026, 0, 1) / 1000;
const wallFrame = (data: number[][], columns = tags) => {
  const frame = frameOf(data, columns);
  frame.t.forEach((_, r) => (frame.t[r] = EPOCH_S + r));
  return frame;
};
const codes = (issues: NormalPreflightIssue[]) => issues.map((i) => i.code);

describe('preflightNormalTraining', () => {
  it('passes an hour of clean normal running without a finding', () => {
    const result = preflightNormalTraining({ frame: wallFrame(rows(3600)), tags });
    expect(result).toEqual({ refusals: [], warnings: [] });
  });

  it('refuses a period too short for the model, saying the minimum in rows and in time', () => {
    const { refusals } = preflightNormalTraining({ frame: wallFrame(rows(30)), tags });
    expect(codes(refusals)).toEqual(['too-short']);
    expect(refusals[0]!.message).toMatch(
      /30 row\(s\), rows 1–30 \(2026-01-01 00:00:00Z – 2026-01-01 00:00:29Z\)/,
    );
    expect(refusals[0]!.message).toMatch(/at least 53 rows \(53 s at 1 Hz\)/);
    const longWindow = preflightNormalTraining({
      frame: wallFrame(rows(100)),
      tags,
      options: { windowRows: 60 },
    });
    expect(longWindow.refusals[0]!.message).toMatch(/at least 160 rows \(2\.7 min at 1 Hz\)/);
  });

  it('accepts the minimum it names', () => {
    expect(preflightNormalTraining({ frame: wallFrame(rows(53)), tags }).refusals).toEqual([]);
  });

  it('warns that a tag which never changes is left out, and refuses when no tag changes', () => {
    const flat = rows(3600).map((r) => r.map((v, j) => (j === 1 ? 5 : v)));
    const { refusals, warnings } = preflightNormalTraining({ frame: wallFrame(flat), tags });
    expect(refusals).toEqual([]);
    expect(warnings).toMatchObject([{ code: 'constant-tag', tagId: 't1' }]);
    expect(warnings[0]!.message).toMatch(/tag "t1" \(tag 1\) never changes in rows 1–3600 .*always 5 1/);
    const allFlat = rows(3600).map((_, r) => [1, 2, 20 + 0 * r]);
    expect(codes(preflightNormalTraining({ frame: wallFrame(allFlat), tags }).refusals)).toEqual([
      'nothing-to-learn',
    ]);
  });

  it('says how many values are missing or NaN and where the longest run is', () => {
    const frame = wallFrame(rows(3600));
    for (let r = 100; r < 110; r++) frame.values[0]![r] = Number.NaN;
    frame.quality[0]![2000] = Quality.sourceBad;
    frame.values[0]![3000] = 5000; // outside the sensor range ±1000
    const { refusals, warnings } = preflightNormalTraining({ frame, tags });
    expect(refusals).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'missing-values',
      tagId: 't0',
      fromMs: (EPOCH_S + 100) * 1000,
      toMs: (EPOCH_S + 109) * 1000,
    });
    expect(warnings[0]!.message).toMatch(
      /tag "t0" \(tag 0\): 12 of 3600 values \(0\.33 %\) .* in 3 run\(s\); the longest, 10 row\(s\), is rows 101–110 \(2026-01-01 00:01:40Z/,
    );
  });

  it('reports rows no tag has a value in once for the period, not once per tag', () => {
    const frame = wallFrame(rows(3600));
    for (const r of [20, 21, 500]) for (const column of frame.values) column[r] = Number.NaN;
    frame.values[1]![900] = Number.NaN;
    const { refusals, warnings } = preflightNormalTraining({ frame, tags });
    expect(refusals).toEqual([]);
    expect(codes(warnings)).toEqual(['missing-rows', 'missing-values']);
    expect(warnings[0]!.message).toMatch(
      /^3 of 3600 rows have no value for any tag, in 2 run\(s\); the longest, 2 row\(s\), is rows 21–22/,
    );
    expect(warnings[1]).toMatchObject({ tagId: 't1', fromMs: (EPOCH_S + 900) * 1000 });
    expect(warnings[1]!.message).toMatch(/1 of 3600 values/);
  });

  it('warns about gaps in the timestamps, naming the longest', () => {
    const frame = wallFrame(rows(3600));
    for (let r = 1800; r < 3600; r++) frame.t[r]! += 90;
    const { refusals, warnings } = preflightNormalTraining({ frame, tags });
    expect(refusals).toEqual([]);
    expect(codes(warnings)).toEqual(['time-gap']);
    expect(warnings[0]!.message).toMatch(
      /1 gap\(s\).*about 90 row\(s\) missing.*the longest, 91 s, between rows 1800–1801/,
    );
  });

  it('refuses timestamps that go backwards, naming the rows', () => {
    const frame = wallFrame(rows(3600));
    frame.t[500] = frame.t[499]!;
    const { refusals } = preflightNormalTraining({ frame, tags });
    expect(codes(refusals)).toEqual(['time-order']);
    expect(refusals[0]!.message).toMatch(/rows 500–501/);
  });

  it('refuses a period with limit alarms, read from the rows themselves', () => {
    const data = rows(3600).map((r, i) => r.map((v, j) => (j === 2 && i >= 700 && i < 760 ? 35 : v)));
    const { refusals } = preflightNormalTraining({ frame: wallFrame(data), tags });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ code: 'limit-alarm', tagId: 't2' });
    expect(refusals[0]!.message).toMatch(
      /tag "t2" \(tag 2\) is beyond its alarm high limit \(30 bar\) in 60 row\(s\), 1 alarm\(s\), the first rows 701–760 \(2026-01-01 00:11:40Z – 2026-01-01 00:12:39Z\)/,
    );
  });

  it('does not call one sample beyond a limit an alarm (the alarm engine waits for two)', () => {
    const data = rows(3600).map((r, i) => r.map((v, j) => (j === 2 && i === 700 ? 5 : v)));
    expect(preflightNormalTraining({ frame: wallFrame(data), tags }).refusals).toEqual([]);
  });

  it('refuses a period that overlaps a known fault', () => {
    const fromMs = (EPOCH_S + 1200) * 1000;
    const { refusals } = preflightNormalTraining({
      frame: wallFrame(rows(3600)),
      tags,
      knownFaults: [
        { fromMs, toMs: fromMs + 59_000, label: 'inlet valve closed' },
        { fromMs: 0, toMs: 1000, label: 'long before' },
      ],
    });
    expect(refusals).toEqual([
      {
        code: 'known-fault',
        message: expect.stringMatching(
          /overlaps the known fault "inlet valve closed" in 60 row\(s\), rows 1201–1260/,
        ) as string,
        fromMs,
        toMs: fromMs + 59_000,
        fault: { fromMs, toMs: fromMs + 59_000, label: 'inlet valve closed' },
      },
    ]);
  });

  it('warns about an asset with one tag, saying why it still trains', () => {
    const one = tags.slice(0, 1);
    const data = normalRows(3600, 1, 3);
    const { refusals, warnings } = preflightNormalTraining({ frame: wallFrame(data, one), tags: one });
    expect(refusals).toEqual([]);
    expect(warnings).toMatchObject([{ code: 'one-tag', tagId: 't0' }]);
    expect(warnings[0]!.message).toMatch(/cannot point to a cause/);
  });

  it('refuses data sampled at another rate than the asset', () => {
    const frame = wallFrame(rows(3600));
    frame.t.forEach((_, r) => (frame.t[r] = EPOCH_S + 10 * r));
    const { refusals } = preflightNormalTraining({ frame, tags, options: { sampleRateHz: 1 } });
    expect(codes(refusals)).toEqual(['rate-mismatch']);
    expect(refusals[0]!.message).toMatch(/sampled every 10 s \(0\.1 Hz\), the asset every 1 s \(1 Hz\)/);
    const atAssetRate = preflightNormalTraining({ frame, tags, options: { sampleRateHz: 0.1 } });
    expect(atAssetRate.refusals).toEqual([]);
  });

  it('warns that a short period cannot show slow drift, and names a column that is not a tag', () => {
    const { warnings } = preflightNormalTraining({ frame: wallFrame(rows(400)), tags });
    expect(codes(warnings)).toEqual(['short-period']);
    expect(warnings[0]!.message).toMatch(/covers 6\.7 min/);
    const { refusals } = preflightNormalTraining({ frame: wallFrame(rows(3600)), tags: tags.slice(0, 2) });
    expect(refusals).toMatchObject([{ code: 'unknown-tag', tagId: 't2' }]);
  });
});
