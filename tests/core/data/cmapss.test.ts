import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addTestRul,
  addTrainingRul,
  applyRegimeNormalization,
  CMAPSS_SENSOR_NAMES,
  cmapssUnitToFrame,
  fitOperatingRegimes,
  fitRegimeNormalization,
  formatCmapssError,
  operatingRegime,
  operatingRegimeKey,
  parseCmapss,
  parseCmapssStrict,
  parseRulFile,
  regimeNormalizationSchema,
} from '../../../core/data/cmapss';
import { CMAPSS_DIR } from '../../cmapss-dir';

const DIR = CMAPSS_DIR;
const HAVE_DATA = existsSync(join(DIR, 'train_FD001.txt'));
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

const row = (unit: number, cycle: number, s1 = 0, s2 = 0, s3 = 100, sensorBase = 1) =>
  `${unit} ${cycle} ${s1} ${s2} ${s3} ${Array.from({ length: 21 }, (_, k) => (sensorBase + k).toFixed(2)).join(' ')}  `;

describe('C-MAPSS parser (synthetic text)', () => {
  it('parses units columnar, with trailing spaces and blank lines', () => {
    const text = [row(1, 1), row(1, 2, 0.001, -0.0003, 100, 2), row(2, 1), ''].join('\n');
    const r = parseCmapss(text, 'x.txt');
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(3);
    expect(r.units.map((u) => u.unit)).toEqual([1, 2]);
    const u = r.units[0]!;
    expect([...u.cycles]).toEqual([1, 2]);
    expect(u.settings).toHaveLength(3);
    expect(u.sensors).toHaveLength(21);
    expect(u.settings[0]![1]).toBeCloseTo(0.001, 6);
    expect([...u.sensors[20]!]).toEqual([21, 22]);
    expect(CMAPSS_SENSOR_NAMES[1]).toBe('T24');
    expect(CMAPSS_SENSOR_NAMES).toHaveLength(21);
  });

  it('reports bad rows with file, line and column, and keeps the good ones', () => {
    const lines = [
      row(1, 1),
      row(1, 2).replace(' 5.00 ', ' 5.0x '),
      '1 3 0 0 100 1 2',
      row(1, 4),
      row(1, 4),
      row(0, 1),
    ];
    const r = parseCmapss(lines.join('\n'), 'train_FD009.txt');
    expect(r.rows).toBe(2);
    expect([...r.units[0]!.cycles]).toEqual([1, 4]);
    expect(r.errors.map(formatCmapssError)).toEqual([
      'train_FD009.txt line 2 column 10: "5.0x" is not a number',
      'train_FD009.txt line 3: expected 26 columns, found 7',
      'train_FD009.txt line 5 column 2: cycle 4 of unit 1 does not follow cycle 4',
      'train_FD009.txt line 6 column 1: unit number 0 is not a positive integer',
    ]);
    expect(() => parseCmapssStrict(lines.join('\n'), 'train_FD009.txt')).toThrow(
      /train_FD009.txt line 2 column 10: "5.0x" is not a number \(and 3 more\)/,
    );
  });

  it('parses RUL files and names a bad line', () => {
    expect([...parseRulFile('112 \n98 \n69 \n')]).toEqual([112, 98, 69]);
    expect(() => parseRulFile('112 \nabc \n', 'RUL_FD001.txt')).toThrow(/RUL_FD001.txt line 2: "abc"/);
    expect(() => parseRulFile('1 2\n')).toThrow(/line 1: expected one value, found 2/);
  });

  it('labels RUL piecewise-linearly, capped', () => {
    const text = Array.from({ length: 200 }, (_, i) => row(1, i + 1)).join('\n');
    const [u] = addTrainingRul(parseCmapss(text, 't').units, 125);
    expect(u!.rul[0]).toBe(125);
    expect(u!.rul[74]).toBe(125); // cycle 75: 200 − 75 = 125
    expect(u!.rul[75]).toBe(124);
    expect(u!.rul[199]).toBe(0);
    const [t] = addTestRul(parseCmapss(text, 't').units, [10], 125);
    expect(t!.rul[199]).toBe(10);
    expect(t!.rul[100]).toBe(109);
    expect(t!.rul[0]).toBe(125);
    expect(() => addTestRul(parseCmapss(text, 't').units, [1, 2])).toThrow(
      /2 values but the test file has 1 units/,
    );
  });

  it('groups rows into operating regimes by rounded settings', () => {
    expect(operatingRegimeKey(42.0049, 0.8405, 100)).toBe('42|0.84|100');
    expect(operatingRegimeKey(-0.0007, -0.0003, 100)).toBe('0|0|100');
    const text = [
      row(1, 1, 42.0049, 0.8405, 100),
      row(1, 2, 0.0007, -0.0002, 100, 5),
      row(1, 3, 41.9982, 0.8408, 100, 3),
    ].join('\n');
    const units = parseCmapss(text, 't').units;
    const regimes = fitOperatingRegimes(units);
    expect(regimes.keys).toEqual(['0|0|100', '42|0.84|100']);
    expect([...operatingRegime(units[0]!, regimes)]).toEqual([1, 0, 1]);
    const stats = fitRegimeNormalization(units, regimes, [1, 2]);
    expect(stats.mean[1]).toEqual([2, 3]);
    expect(stats.std[1]![0]).toBeCloseTo(1, 12);
    expect(stats.std[0]![0]).toBe(1e-6);
    const z = applyRegimeNormalization(units[0]!, stats);
    expect([...z[0]!]).toEqual([-1, 0, 1]);
    expect(regimeNormalizationSchema.parse(JSON.parse(JSON.stringify(stats)))).toEqual(stats);
    expect(() => operatingRegime(parseCmapss(row(7, 3, 10, 0.25, 100), 't').units[0]!, regimes)).toThrow(
      /unit 7 cycle 3: operating condition 10\|0.25\|100 was not seen/,
    );
  });
});

describe.skipIf(!HAVE_DATA)(`C-MAPSS real files${HAVE_DATA ? '' : ` (skipped: ${DIR} not found)`}`, () => {
  it('FD001 train: 100 units, 20631 rows, cycles 1..n', () => {
    const r = parseCmapss(read('train_FD001.txt'), 'train_FD001.txt');
    expect(r.errors).toEqual([]);
    expect(r.units).toHaveLength(100);
    expect(r.rows).toBe(20631);
    expect(r.units.map((u) => u.unit)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const lengths = r.units.map((u) => u.cycles.length);
    expect(Math.min(...lengths)).toBe(128);
    expect(Math.max(...lengths)).toBe(362);
    for (const u of r.units) expect(u.cycles.every((c, i) => c === i + 1)).toBe(true);
    // first row: 1 1 -0.0007 -0.0004 100.0 518.67 641.82 ...
    const u1 = r.units[0]!;
    expect(u1.settings[0]![0]).toBeCloseTo(-0.0007, 6);
    expect(u1.sensors[0]![0]).toBeCloseTo(518.67, 3);
    expect(u1.sensors[1]![0]).toBeCloseTo(641.82, 3);
    const labelled = addTrainingRul(r.units);
    expect(labelled[0]!.rul[u1.cycles.length - 1]).toBe(0);
    expect(Math.max(...labelled[0]!.rul)).toBe(125);
    expect(fitOperatingRegimes(r.units).keys).toEqual(['0|0|100']);
    const f = cmapssUnitToFrame(u1);
    expect(f.tagIds).toHaveLength(14);
    expect(f.tagIds[0]).toBe('t24');
  });

  it('FD001 test and RUL: 100 units, 13096 rows, 100 RUL lines within 7..145', () => {
    const r = parseCmapss(read('test_FD001.txt'), 'test_FD001.txt');
    expect(r.errors).toEqual([]);
    expect(r.units).toHaveLength(100);
    expect(r.rows).toBe(13096);
    const rul = parseRulFile(read('RUL_FD001.txt'), 'RUL_FD001.txt');
    expect(rul).toHaveLength(100);
    expect([rul[0], rul[1], rul[2]]).toEqual([112, 98, 69]);
    expect(Math.min(...rul)).toBe(7);
    expect(Math.max(...rul)).toBe(145);
    const labelled = addTestRul(r.units, rul);
    expect(labelled[0]!.rul[labelled[0]!.rul.length - 1]).toBe(112);
  });

  it('a corrupted real line is reported by number, the rest kept', () => {
    const lines = read('train_FD001.txt').split('\n').slice(0, 50);
    lines[41] = lines[41]!.replace(/ \S+ {2}$/, '  '); // line 42 loses its last field
    const r = parseCmapss(lines.join('\n'), 'train_FD001.txt');
    expect(r.rows).toBe(49);
    expect(r.errors).toHaveLength(1);
    expect(formatCmapssError(r.errors[0]!)).toBe('train_FD001.txt line 42: expected 26 columns, found 25');
  });

  it('FD002 train has six operating regimes', () => {
    const r = parseCmapss(read('train_FD002.txt'), 'train_FD002.txt');
    expect(r.units).toHaveLength(260);
    expect(r.rows).toBe(53759);
    const regimes = fitOperatingRegimes(r.units);
    expect(regimes.keys).toEqual([
      '0|0|100',
      '10|0.25|100',
      '20|0.7|100',
      '25|0.62|60',
      '35|0.84|100',
      '42|0.84|100',
    ]);
    const stats = fitRegimeNormalization(r.units, regimes);
    // per-regime z-scores of the whole training set have mean ≈ 0, std ≈ 1 in every regime
    let sum = 0;
    let sq = 0;
    let n = 0;
    for (const u of r.units) {
      const z = applyRegimeNormalization(u, stats)[1]!; // sensor 3 (T30)
      for (const x of z) {
        sum += x;
        sq += x * x;
        n++;
      }
    }
    expect(sum / n).toBeCloseTo(0, 3);
    expect(Math.sqrt(sq / n)).toBeCloseTo(1, 3);
  });
});
