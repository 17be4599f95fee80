import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  historyRequestSchemas,
  type HistoryInfo,
  type ImportPreview,
  type ImportReport,
} from '../../../core/api/domains/history';
import {
  buildImportRequest,
  initialMapping,
} from '../../../renderer/src/features/history/dialog/history-dialog-logic';
import { HistoryStore, exportRange, previewImport } from '../../../electron/services/history';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const newDir = tempDirsRemovedAfterAll();
const range = { from: T0, to: T0 + 300_000 };

describe('CSV export headers (issue #17, problem 10)', () => {
  it('names columns as the UI does, with units, on line 1 and keeps the ids on line 2', async () => {
    const dir = newDir('header');
    const store = await HistoryStore.open({
      path: path.join(dir, 'h.duckdb'),
      asset,
      flushIntervalMs: 60_000,
    });
    store.append(makeBatch(asset, T0, 300));
    await store.flush();
    const file = path.join(dir, 'out.csv');
    const tagIds = ['discharge_pressure', 'flow', 'bearing_de_vibration'];
    const r = await exportRange(store, file, { ...range, tagIds, includeQuality: true });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toBe(
      'Time (UTC),PT102 Discharge pressure [bar(g)],PT102 Discharge pressure quality,' +
        'FT101 Discharge flow [m3/h],FT101 Discharge flow quality,' +
        'VT211 Pump DE bearing vibration [mm/s],VT211 Pump DE bearing vibration quality',
    );
    expect(lines[1]).toBe(
      'timestamp,discharge_pressure,discharge_pressure__quality,flow,flow__quality,' +
        'bearing_de_vibration,bearing_de_vibration__quality',
    );
    expect(lines[2]).toMatch(/^2026-01-01T00:00:00\.000Z,/);
    expect(lines.filter((l) => l !== '')).toHaveLength(r.rows + 2);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    // Parquet is for machines: ids only.
    const pq = path.join(dir, 'out.parquet');
    await exportRange(store, pq, { ...range, tagIds });
    expect((await previewImport(store, pq)).columns.map((c) => c.name)).toEqual(['timestamp', ...tagIds]);
    await store.close();
  });

  it('writes the header line for people in Chinese when asked, ids unchanged, and still imports back', async () => {
    const source = fakeContext(asset, newDir('zh-source'));
    source.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 300) });
    await expect.poll(async () => (await source.call<HistoryInfo>('historyInfo')).sampleCount).toBe(300);
    const file = path.join(newDir('zh-exchange'), 'export.csv');
    const tagIds = ['discharge_pressure', 'flow'];
    await source.call('exportHistory', {
      path: file,
      ...range,
      tagIds,
      includeQuality: true,
      language: 'zh-CN',
    });
    const [people, ids] = fs.readFileSync(file, 'utf8').split('\n');
    expect(people).toBe(
      '时间 (UTC),PT102 出口压力 [bar(g)],PT102 出口压力 质量,FT101 出口流量 [m3/h],FT101 出口流量 质量',
    );
    expect(ids).toBe('timestamp,discharge_pressure,discharge_pressure__quality,flow,flow__quality');
    const preview = await source.call<ImportPreview>('previewImport', { path: file });
    expect(preview.columns.map((c) => c.name)).toEqual(['timestamp', ...ids!.split(',').slice(1)]);
    // The request schema (checked by the transport before any handler) refuses a language it does not ship.
    const bad = historyRequestSchemas.exportHistory.safeParse({ path: file, ...range, language: 'fr' });
    expect(bad.success ? '' : bad.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'language: must be a language the app ships ("en" or "zh-CN")',
    ]);
    await source.dispose();
  });

  it('round trip: Twinscape imports its own export through the dialog, and a bad line keeps its file line number', async () => {
    const source = fakeContext(asset, newDir('source'));
    source.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 300) });
    await expect.poll(async () => (await source.call<HistoryInfo>('historyInfo')).sampleCount).toBe(300);
    const file = path.join(newDir('exchange'), 'export.csv');
    await source.call('exportHistory', { path: file, ...range });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[9] = lines[9]!.split(',').slice(0, 3).join(','); // file line 10: sample 7
    fs.writeFileSync(file, lines.join('\n'));

    const target = fakeContext(asset, newDir('target'));
    const preview = await target.call<ImportPreview>('previewImport', { path: file });
    expect(preview.columns.map((c) => c.name)).toEqual(['timestamp', ...asset.tags.map((t) => t.id)]);
    const mapping = initialMapping(preview, asset.tags);
    expect(Object.values(mapping.roles).filter((r) => r.kind === 'tag')).toHaveLength(asset.tags.length);
    const built = buildImportRequest(file, preview, mapping);
    if (!('request' in built)) throw new Error(built.error);
    const report = await target.call<ImportReport>('importHistory', built.request);
    expect(report.rejected.map((x) => x.line)).toEqual([10]);
    expect(report.rowsInserted).toBe(299);

    const want = await source.call<{ series: { last: (number | null)[] }[] }>('historyWindow', {
      ...range,
      buckets: 300,
      tagIds: ['flow'],
    });
    const got = await target.call<{ series: { last: (number | null)[] }[] }>('historyWindow', {
      ...range,
      buckets: 300,
      tagIds: ['flow'],
    });
    // Every sample but the cut one (sample 7) came back.
    const expected = [...want.series[0]!.last];
    expected.splice(7, 1);
    expect(got.series[0]!.last).toEqual(expected);
    await source.dispose();
    await target.dispose();
  });
});
