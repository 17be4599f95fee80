import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../core/alarms/types';
import { parseAssetJson } from '../../core/asset/parse';
import {
  normalActiveFile,
  normalCardMismatch,
  normalModelDir,
  parseNormalModelCard,
} from '../../core/ml/normal';
import { SKAB_SIGNALS } from '../../core/data/skab/signals';
import { importFile } from '../../electron/services/history/import/import-file';
import { storePath } from '../../electron/services/history/service';
import { HistoryStore } from '../../electron/services/history/store/history-store';
import { REFUSED, trainNormal, type TrainNormalIo } from '../../scripts/train-normal';
import { SKAB_DIR } from '../skab-dir';

const FILE = path.join(SKAB_DIR, 'valve1', '5.csv');
const hasData = existsSync(FILE);
if (!hasData) console.warn(`train --normal tests skipped: no SKAB data at ${FILE} (see tests/skab-dir.ts)`);

const parsed = parseAssetJson(readFileSync('assets/skab-testbed/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('assets/skab-testbed/asset.json does not parse');
const asset = parsed.asset;

/** Runs the CLI in-process on a fresh data folder; returns the exit status and everything it printed. */
async function run(args: string[]) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'train-normal-'));
  const out: string[] = [];
  const err: string[] = [];
  const io: TrainNormalIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: {
      update: (_d, _t, label) => out.push(`progress ${label}`),
      log: (l) => out.push(l),
      done: () => {},
    },
  };
  const code = await trainNormal(['--asset', 'skab-testbed', '--data-dir', dataDir, ...args], io);
  const dir = normalModelDir(dataDir, 'skab-testbed');
  const versions = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('normal-')) : [];
  return { code, out, err, dataDir, dir, versions };
}

describe.skipIf(!hasData)('npm run train -- --normal (SKAB testbed, valve1/5.csv)', () => {
  it('trains on the first 400 rows, reports the held-out figures and saves a version the app can list', async () => {
    const r = await run(['--normal', FILE, '--rows', '400']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'normal period: rows 1–400 (2020-03-09T11:54:36.000Z – 2020-03-09T12:01:31.000Z)',
    );
    expect(
      r.out.some((l) =>
        /^columns → tags: .*Volume Flow RateRMS → flow_rate; not used: anomaly, changepoint$/.test(l),
      ),
    ).toBe(true);
    expect(r.out.filter((l) => l.startsWith('progress ')).at(-1)).toMatch(/^progress 100 % /);
    expect(r.out).toContain('held-out report: fitted on rows 1–300, rows 301–400 held out');
    expect(
      r.out.some((l) => /false alarms on the held-out rows: \d+ \(\d+ of 100 rows marked\)/.test(l)),
    ).toBe(true);
    expect(r.versions).toHaveLength(1);
    const card = parseNormalModelCard(JSON.parse(readFileSync(path.join(r.dir, r.versions[0]!), 'utf8')));
    expect(r.versions[0]).toBe(
      `normal-${card.createdAt.slice(0, 10).replaceAll('-', '')}-${card.createdAt.slice(11, 19).replaceAll(':', '')}.json`,
    );
    expect(card.asset).toBe('skab-testbed');
    expect(card.training.rows).toBe(400);
    expect(card.training.data).toEqual({
      source: FILE,
      fromMs: Date.parse('2020-03-09T11:54:36Z'),
      toMs: Date.parse('2020-03-09T12:01:31Z'),
    });
    expect(card.model.tags.find((t) => t.id === 'flow_rate')?.unit).toBe('L/min');
    expect(normalCardMismatch(card, asset.tags)).toBeNull();
    expect(existsSync(normalActiveFile(r.dataDir, 'skab-testbed'))).toBe(false);
  });

  it('deploys the new version with --deploy', async () => {
    const r = await run(['--normal', FILE, '--rows', '400', '--deploy']);
    expect(r.code).toBe(0);
    const active = JSON.parse(readFileSync(normalActiveFile(r.dataDir, 'skab-testbed'), 'utf8')) as unknown;
    expect(active).toEqual({ id: r.versions[0]!.replace(/\.json$/, '') });
  });

  it('refuses a period too short for the model, saying the minimum, and writes nothing', async () => {
    const r = await run(['--normal', FILE, '--rows', '30', '--deploy']);
    expect(r.code).toBe(REFUSED);
    expect(r.err[0]).toMatch(
      /^refused \[too-short\]: the normal period has 30 row\(s\).* at least 53 rows \(53 s at 1 Hz\)/,
    );
    expect(r.versions).toEqual([]);
    expect(existsSync(normalActiveFile(r.dataDir, 'skab-testbed'))).toBe(false);
  });

  it('refuses the whole file: the valve closure drives the flow below its alarm limit', async () => {
    const r = await run(['--normal', FILE]);
    expect(r.code).toBe(REFUSED);
    expect(r.err[0]).toMatch(
      /^refused \[limit-alarm\]: tag "flow_rate" .* alarm low limit \(29\.8 L\/min\) .* first rows 648–649 \(2020-03-09 12:05:49Z/,
    );
    expect(r.versions).toEqual([]);
  });

  it('refuses a normal period that overlaps a known fault', async () => {
    const r = await run([
      '--normal',
      FILE,
      '--rows',
      '400',
      '--faults',
      '2020-03-09T12:00:00..2020-03-09T12:00:30',
    ]);
    expect(r.code).toBe(REFUSED);
    expect(r.err[0]).toMatch(
      /^refused \[known-fault\]: .* in 30 row\(s\), rows 312–341 \(2020-03-09 12:00:00Z – 2020-03-09 12:00:30Z\)/,
    );
  });

  it('refuses a CSV sampled at another rate than the asset', async () => {
    const lines = readFileSync(FILE, 'utf8').trimEnd().split('\n');
    const every10th = [lines[0]!, ...lines.slice(1).filter((_, i) => i % 10 === 0)];
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'slow-')), 'slow.csv');
    writeFileSync(file, `${every10th.join('\n')}\n`);
    const r = await run(['--normal', file]);
    expect(r.code).toBe(REFUSED);
    expect(
      r.err.some((l) =>
        /^refused \[rate-mismatch\]: the data are sampled every 10 s \(0\.1 Hz\), the asset every 1 s \(1 Hz\)/.test(
          l,
        ),
      ),
    ).toBe(true);
  });

  it('trains on a span of the recorded history as on the same rows of the file', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'train-normal-history-'));
    const store = await HistoryStore.open({ path: storePath(dataDir, 'skab-testbed'), asset });
    const columns = Object.fromEntries(SKAB_SIGNALS.map((s) => [s.column, s.tagId]));
    await importFile(store, FILE, { timestampColumn: 'datetime', timestampFormat: 'iso', columns });
    await store.close();
    const threshold = (lines: string[]) => lines.find((l) => l.trim().startsWith('threshold '));
    const fromFile = await run(['--normal', FILE, '--rows', '400']);
    const fromHistory = await run([
      '--normal',
      'history:2020-03-09T11:54:36..2020-03-09T12:01:31',
      '--data-dir',
      dataDir,
    ]);
    expect(fromHistory.code).toBe(0);
    expect(fromHistory.out).toContain(
      'normal period: rows 1–400 (2020-03-09T11:54:36.000Z – 2020-03-09T12:01:31.000Z)',
    );
    expect(threshold(fromHistory.out)).toBe(threshold(fromFile.out));
    expect(readdirSync(normalModelDir(dataDir, 'skab-testbed'))).toHaveLength(1);
    await expect(run(['--normal', 'history:..'])).rejects.toThrow(
      /asset skab-testbed has no recorded history/,
    );
  });

  it('refuses a span of history in which the store recorded a limit alarm, naming its tag and time', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'train-normal-history-alarm-'));
    const store = await HistoryStore.open({ path: storePath(dataDir, 'skab-testbed'), asset });
    const columns = Object.fromEntries(SKAB_SIGNALS.map((s) => [s.column, s.tagId]));
    await importFile(store, FILE, { timestampColumn: 'datetime', timestampFormat: 'iso', columns });
    const alarm: Alarm = {
      id: 'flow_rate:alarm-low',
      tagId: 'flow_rate',
      componentId: '',
      kind: 'alarm-low',
      priority: 'medium',
      state: 'unack',
      active: true,
      limit: 29.8,
      value: 29,
      raisedAt: Date.parse('2020-03-09T12:00:00Z'),
      message: 'flow low',
    };
    store.appendAlarmTransition(Date.parse('2020-03-09T12:00:00Z'), alarm, null, 'unack');
    store.appendAlarmTransition(Date.parse('2020-03-09T12:00:30Z'), alarm, 'unack', 'rtn-unack');
    await store.flush();
    await store.close();
    const r = await run([
      '--normal',
      'history:2020-03-09T11:54:36..2020-03-09T12:01:31',
      '--data-dir',
      dataDir,
    ]);
    expect(r.code).toBe(REFUSED);
    expect(r.err[0]).toMatch(
      /^refused \[known-fault\]: .*"limit alarm alarm-low on flow_rate" in 30 row\(s\), rows 312–341 \(2020-03-09 12:00:00Z – 2020-03-09 12:00:30Z\)/,
    );
    expect(existsSync(normalModelDir(dataDir, 'skab-testbed'))).toBe(false);
  });

  it('reads a Parquet file of the same rows to the same model', async () => {
    const parquet = path.join(mkdtempSync(path.join(tmpdir(), 'parquet-')), '5.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(
      `COPY (SELECT * FROM read_csv('${FILE}', delim=';', header=true)) TO '${parquet}' (FORMAT parquet)`,
    );
    conn.closeSync();
    const threshold = (lines: string[]) => lines.find((l) => l.trim().startsWith('threshold '));
    const fromFile = await run(['--normal', FILE, '--rows', '400']);
    const fromParquet = await run(['--normal', parquet, '--rows', '400']);
    expect(fromParquet.code).toBe(0);
    expect(fromParquet.out).toContain(
      'normal period: rows 1–400 (2020-03-09T11:54:36.000Z – 2020-03-09T12:01:31.000Z)',
    );
    expect(threshold(fromParquet.out)).toBe(threshold(fromFile.out));
  });

  it('names the columns when none of them is a tag of the asset', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cols-')), 'other.csv');
    writeFileSync(file, 'timestamp,speed,torque\n2026-01-01T00:00:00Z,1,2\n2026-01-01T00:00:01Z,1,2\n');
    await expect(run(['--normal', file])).rejects.toThrow(
      /no column of the file \(speed, torque\) names a tag of asset skab-testbed/,
    );
  });
});
