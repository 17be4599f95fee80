import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalModelDir } from '../../core/ml/normal';
import { evaluateNormal } from '../../scripts/eval-normal';
import { trainNormal } from '../../scripts/train-normal';
import { SKAB_DIR } from '../skab-dir';

const FILE = path.join(SKAB_DIR, 'valve1', '5.csv');
const hasData = existsSync(FILE);
if (!hasData)
  console.warn(`eval (normal models) tests skipped: no SKAB data at ${FILE} (see tests/skab-dir.ts)`);

const quiet = { out: () => {}, err: () => {}, progress: { update: () => {}, log: () => {}, done: () => {} } };

describe.skipIf(!hasData)('npm run eval: normal-behaviour models', () => {
  it('recomputes the held-out figures of each registry version and scores SKAB models on their file', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'eval-normal-'));
    const args = ['--asset', 'skab-testbed', '--normal', FILE, '--rows', '400', '--data-dir', dataDir];
    expect(await trainNormal([...args, '--deploy'], quiet)).toBe(0);
    const dir = normalModelDir(dataDir, 'skab-testbed');
    const id = readdirSync(dir)
      .find((f) => f.startsWith('normal-'))!
      .replace(/\.json$/, '');
    writeFileSync(
      path.join(dir, 'normal-20000101-000000.json'),
      '{"schemaVersion": 2, "kind": "normal-behaviour"}',
    );

    const lines: string[] = [];
    await evaluateNormal(['--data-dir', dataDir], (l) => lines.push(l));
    const text = lines.join('\n');
    expect(text).toContain(`registry in ${dataDir}): 2`);
    expect(text).toMatch(
      /skab-testbed normal-20000101-000000 .*\n {2}cannot be read: .*normal-20000101-000000\.json: asset: /,
    );
    expect(text).toContain(`skab-testbed ${id} (deployed)`);
    expect(text).not.toContain('(differs)');
    expect(text).toMatch(/false alarms \/ 24 h \(budget 1\) +\d+\.\d +\d+\.\d/);
    expect(text).toMatch(
      /SKAB, the 754 rows of 5\.csv after the training rows: F1 0\.\d{3} {2}FAR \d+\.\d\d % {2}MAR \d+\.\d\d % {2}first true alarm \d+ s after onset/,
    );
  });
});
