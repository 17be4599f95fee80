import { said } from '../../../core/text/phrase';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../../core/asset/parse';
import { parseCmapss, type CmapssParseResult } from '../../../core/data/cmapss';
import { buildFleet, unitHistory } from '../../../core/fleet/fleet-data';
import { decodeFloat32 } from '../../../core/fleet/float-codec';
import {
  anomalyTrack,
  componentDeviations,
  fitHealthBaseline,
  smoothedDeviations,
} from '../../../core/fleet/health';
import { CMAPSS_DIR } from '../../cmapss-dir';

const DIR = CMAPSS_DIR;
const HAVE_DATA = existsSync(join(DIR, 'test_FD001.txt'));
if (!HAVE_DATA) console.warn(`skipping C-MAPSS fleet tests: ${DIR} is absent`);
const assetResult = parseAssetJson(readFileSync('assets/turbofan/asset.json', 'utf8'));
if (!assetResult.ok) throw new Error('turbofan asset is invalid');
const asset = assetResult.asset;

const cached: Record<string, CmapssParseResult> = {};
const parsed = (name: string) => (cached[name] ??= parseCmapss(readFileSync(join(DIR, name), 'utf8'), name));

describe.skipIf(!HAVE_DATA)('health deviation on NASA data', () => {
  it('rises from early life to failure on the run-to-failure engines of FD001', () => {
    const { units } = parsed('train_FD001.txt');
    const baseline = fitHealthBaseline(units);
    let rising = 0;
    for (const u of units) {
      const a = anomalyTrack(smoothedDeviations(u, baseline));
      if (a[a.length - 1]! > 2 * a[20]!) rising++;
    }
    // Every engine of train_FD001 fails by HPC degradation, so nearly all drift clearly.
    expect(rising).toBeGreaterThanOrEqual(95);
  });

  it('works across the six operating conditions of FD002 (per-regime baseline)', () => {
    const { units } = parsed('train_FD002.txt');
    const baseline = fitHealthBaseline(units);
    expect(baseline.regimes).toHaveLength(6);
    const early: number[] = [];
    const late: number[] = [];
    for (const u of units) {
      const a = anomalyTrack(smoothedDeviations(u, baseline));
      early.push(a[10]!);
      late.push(a[a.length - 1]!);
    }
    const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)]!;
    expect(median(early)).toBeLessThan(1);
    expect(median(late)).toBeGreaterThan(2 * median(early));
  });

  it('scores the high-pressure compressor of a failing FD001 engine above its fan inlet', () => {
    const { units } = parsed('train_FD001.txt');
    const baseline = fitHealthBaseline(units);
    const u = units[0]!;
    const dev = smoothedDeviations(u, baseline);
    const scores = componentDeviations(asset, baseline.sensors, dev, u.cycles.length - 1);
    expect(scores.get('hpc')!).toBeGreaterThan(2);
    // T2 and P2 (fan inlet) are constant in FD001 and not among the informative sensors.
    expect([...scores.keys()].sort()).toEqual([
      'bypass_duct',
      'combustor',
      'fan',
      'hpc',
      'hpt',
      'lpc',
      'lpt',
    ]);
  });
});

describe.skipIf(!HAVE_DATA)('a fleet from test_FD001.txt', () => {
  it('has 100 engines with their cycle counts, and says when there is no model', () => {
    const noModel = said('fleetNoModel', { subset: 'FD001', folder: 'models/x' }, 'no model for FD001');
    const f = buildFleet(parsed('test_FD001.txt'), 'FD001', { problem: noModel }, asset);
    expect(f.summary.units).toHaveLength(100);
    expect(f.summary.rows).toBe(13096);
    expect(f.summary.units.reduce((s, u) => s + u.cycles, 0)).toBe(13096);
    expect(Math.min(...f.summary.units.map((u) => u.cycles))).toBe(31);
    expect(f.summary.model).toBeNull();
    expect(f.summary.modelProblem).toBe('no model for FD001');
    expect(f.summary.modelProblemPhrase).toEqual(noModel.phrase);
    const t = f.tracks.units[0]!;
    expect(t.features).toBeNull();
    expect(decodeFloat32(t.anomaly)).toHaveLength(t.rows);
    expect(decodeFloat32(t.anomaly)[t.rows - 1]).toBeCloseTo(f.summary.units[0]!.anomaly, 6);
  });

  it("returns one engine's history and names a missing engine", () => {
    const f = buildFleet(
      parsed('test_FD001.txt'),
      'FD001',
      { problem: said('fleetNoModel', {}, 'none') },
      asset,
    );
    const h = unitHistory(f, 2);
    expect(h.cycles).toHaveLength(f.summary.units[1]!.cycles);
    expect(h.sensors).toHaveLength(21);
    expect(h.settings).toHaveLength(3);
    expect(h.deviations).toHaveLength(f.tracks.deviationSensors.length);
    expect(() => unitHistory(f, 101)).toThrow('test_FD001.txt has no engine 101');
  });

  it('refuses an empty file', () => {
    expect(() =>
      buildFleet(parseCmapss('\n', 'empty.txt'), 'FD001', { problem: said('fleetNoModel', {}, 'x') }, asset),
    ).toThrow('empty.txt holds no engine data');
  });
});
