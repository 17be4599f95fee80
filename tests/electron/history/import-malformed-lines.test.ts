import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { HistoryInfo, ImportPreview, ImportReport } from '../../../core/api/domains/history';
import {
  buildImportRequest,
  initialMapping,
} from '../../../renderer/src/features/history/dialog/history-dialog-logic';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const HOUR_S = 3600;
const newDir = tempDirsRemovedAfterAll();

/** Timestamps stored in a history file, read with DuckDB itself once the backend has closed it. */
async function storedTimestamps(file: string): Promise<number[]> {
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  const rows = (await c.runAndReadAll(`SELECT ts FROM "samples__${asset.id}" ORDER BY ts`)).getRows();
  c.closeSync();
  db.closeSync();
  return rows.map((r) => Number(r[0]));
}

describe('importing a CSV with a few malformed lines (issue #17, problem 2)', () => {
  it('imports every good row of an exported hour into the history file and reports the five bad lines by line number', async () => {
    // The last hour exported by the History dialog's export.
    const source = fakeContext(asset, newDir('source'));
    source.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, HOUR_S) });
    const file = path.join(newDir('exchange'), 'last-hour.csv');
    await expect.poll(async () => (await source.call<HistoryInfo>('historyInfo')).sampleCount).toBe(HOUR_S);
    await source.call('exportHistory', { path: file, from: T0, to: T0 + HOUR_S * 1000 });
    await source.dispose();

    // Five lines broken three ways (lines 1 and 2 are the header, line n holds sample n - 3).
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const fields = (line: number) => lines[line - 1]!.split(',');
    const cut = (line: number) => (lines[line - 1] = fields(line).slice(0, 5).join(','));
    const semicolons = (line: number) => (lines[line - 1] = fields(line).join(';'));
    const text = (line: number) =>
      (lines[line - 1] = fields(line)
        .map((f, i) => (i === 9 ? 'n/a' : f))
        .join(','));
    cut(120);
    semicolons(901);
    cut(1802);
    semicolons(2500);
    text(3333);
    fs.writeFileSync(file, lines.join('\n'));

    // The dialog's path: preview, automatic mapping, import request built from the preview.
    const target = fakeContext(asset, newDir('target'));
    const preview = await target.call<ImportPreview>('previewImport', { path: file });
    expect(preview).toMatchObject({ delimiter: ',', hasHeader: true });
    const built = buildImportRequest(file, preview, initialMapping(preview, asset.tags));
    if (!('request' in built)) throw new Error(built.error);
    const report = await target.call<ImportReport>('importHistory', built.request);
    const info = await target.call<HistoryInfo>('historyInfo');
    await target.dispose();

    expect(report.rejected.map((r) => r.line)).toEqual([120, 901, 1802, 2500, 3333]);
    expect(report.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/missing columns/i),
      expect.stringMatching(/missing columns/i),
      expect.stringMatching(/missing columns/i),
      expect.stringMatching(/missing columns/i),
      expect.stringMatching(/cast.*n\/a/i),
    ]);
    expect(report.rejected[4]!.column).toBe(asset.tags[8]!.id);
    expect(report).toMatchObject({ rowsImported: HOUR_S - 5, rowsInserted: HOUR_S - 5, rejectedCount: 5 });
    const badSamples = new Set([120, 901, 1802, 2500, 3333].map((line) => T0 + (line - 3) * 1000));
    const good = Array.from({ length: HOUR_S }, (_, i) => T0 + i * 1000).filter((t) => !badSamples.has(t));
    expect(await storedTimestamps(info.path as string)).toEqual(good);
  }, 60_000);
});
