import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchSkab } from '../../scripts/bench-skab';
import { findExperimentFiles } from '../../scripts/lib/skab-experiments';
import { SKAB_DIR } from '../skab-dir';

const hasData = existsSync(path.join(SKAB_DIR, 'valve1', '0.csv'));
if (!hasData) console.warn(`bench:skab tests skipped: no SKAB data at ${SKAB_DIR} (see tests/skab-dir.ts)`);

const LAST_LINE = /^SKAB F1=\d+\.\d{3} FAR=\d+\.\d{2} MAR=\d+\.\d{2} \((\d+) files\)$/;

/** A temporary data folder: valve1/ with links to two real files, anomaly-free/, a broken and a non-experiment file. */
function dataFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-skab-'));
  mkdirSync(path.join(dir, 'valve1'));
  mkdirSync(path.join(dir, 'anomaly-free'));
  for (const f of ['0.csv', '1.csv'])
    symlinkSync(path.join(SKAB_DIR, 'valve1', f), path.join(dir, 'valve1', f));
  const real = readFileSync(path.join(SKAB_DIR, 'valve1', '0.csv'), 'utf8').split('\n');
  real[450] = real[450]!.replace(/;[^;]+;/, ';oops;');
  writeFileSync(path.join(dir, 'valve1', '2.csv'), real.join('\n'));
  const badLabel = readFileSync(path.join(SKAB_DIR, 'valve1', '1.csv'), 'utf8').split('\n');
  badLabel[600] = badLabel[600]!.replace(/;[^;]*;([^;]*)$/, ';2;$1');
  writeFileSync(path.join(dir, 'valve1', '3.csv'), badLabel.join('\n'));
  writeFileSync(path.join(dir, 'anomaly-free', 'anomaly-free.csv'), 'datetime;Current\n');
  writeFileSync(path.join(dir, 'valve1', 'notes.txt'), 'not data');
  return dir;
}

describe.skipIf(!hasData)('npm run bench:skab', () => {
  it('walks subfolders, skipping anomaly-free/ and files that are not .csv', () => {
    expect(findExperimentFiles(dataFolder())).toEqual([
      'valve1/0.csv',
      'valve1/1.csv',
      'valve1/2.csv',
      'valve1/3.csv',
    ]);
  });

  it('scores two visible files, writes one prediction per test row and ends with the exact last line', () => {
    const dir = dataFolder();
    const out = path.join(dir, 'predictions.csv');
    const lines: string[] = [];
    const result = benchSkab(['--', '--data', dir, '--out', out], (l) => lines.push(l));
    expect(lines.at(-1)).toMatch(LAST_LINE);
    expect(LAST_LINE.exec(lines.at(-1)!)![1]).toBe('2');
    expect(result.files).toBe(2);
    expect(result.skipped).toEqual([
      'valve1/2.csv: line 451, column "Accelerometer1RMS": "oops" is not a number',
      'valve1/3.csv: line 601, column "anomaly": 2 is not 0 or 1',
    ]);
    expect(lines.some((l) => l.includes('valve1/2.csv') && l.includes('skipped'))).toBe(true);
    expect(lines.filter((l) => /^\[\d\/4\] valve1\/[01]\.csv .*first true alarm/.test(l))).toHaveLength(2);
    const predictions = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(predictions).toHaveLength(747 + 745);
    expect(predictions[0]).toMatch(/^valve1\/0\.csv,2020-03-09 \d\d:\d\d:\d\d,[01]$/);
    expect(predictions.at(-1)).toMatch(/^valve1\/1\.csv,\S+ \S+,[01]$/);
    expect(result.f1).toBeGreaterThan(0.5);
  });

  it('takes --files and keeps --prior figures off the last line', () => {
    const lines: string[] = [];
    benchSkab(
      ['--data', SKAB_DIR, '--files', 'valve1/3.csv', '--prior', path.join(SKAB_DIR, 'missing.csv')],
      (l) => lines.push(l),
    );
    expect(lines.at(-1)).toMatch(LAST_LINE);
    expect(lines.at(-1)).toContain('(1 files)');
    expect(lines.some((l) => l.startsWith('prior ') && l.includes('skipped'))).toBe(true);
  });
});
