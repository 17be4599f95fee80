import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HistoryStore,
  exportRange,
  importFile,
  previewImport,
  type ImportProgress,
} from '../../../electron/services/history';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2024, 0, 1);
const newTempDir = tempDirsRemovedAfterAll();
async function fresh(label: string): Promise<{ store: HistoryStore; dir: string }> {
  const dir = newTempDir(label);
  return {
    store: await HistoryStore.open({ path: path.join(dir, 'ws.duckdb'), asset, flushIntervalMs: 60_000 }),
    dir,
  };
}
const flowK = asset.tags.findIndex((t) => t.id === 'flow');

describe('import and export', () => {
  it('CSV and Parquet export → import round trip', async () => {
    const { store, dir } = await fresh('rt');
    store.append(makeBatch(asset, T0, 500));
    await store.flush();
    for (const format of ['csv', 'parquet'] as const) {
      const file = path.join(dir, `out.${format}`);
      const exp = await exportRange(store, file, {
        from: T0 + 100_000,
        to: T0 + 300_000,
        tagIds: ['flow', 'motor_speed'],
        format,
      });
      expect(exp.rows).toBe(200);
      const preview = await previewImport(store, file);
      expect(preview.columns.map((c) => c.name)).toEqual(['timestamp', 'flow', 'motor_speed']);
      expect(preview.rows.length).toBe(20);
      const { store: target } = await fresh(`rt-${format}`);
      const progress: ImportProgress[] = [];
      const report = await importFile(target, file, {
        timestampColumn: 'timestamp',
        timestampFormat: 'iso',
        columns: { flow: 'flow', motor_speed: 'motor_speed' },
        onProgress: (p) => progress.push(p),
      });
      expect(report).toMatchObject({
        rowsImported: 200,
        rowsInserted: 200,
        rowsUpdated: 0,
        rejected: [],
        from: T0 + 100_000,
        to: T0 + 299_000,
      });
      expect(progress.at(-1)).toEqual({ phase: 'done', fraction: 1 });
      const a = await store.queryWindow({
        from: T0 + 100_000,
        to: T0 + 300_000,
        tagIds: ['flow'],
        buckets: 200,
      });
      const b = await target.queryWindow({
        from: T0 + 100_000,
        to: T0 + 300_000,
        tagIds: ['flow'],
        buckets: 200,
      });
      expect(Array.from(b.series[0]!.last)).toEqual(Array.from(a.series[0]!.last));
      expect(Array.from(b.t)).toEqual(Array.from(a.t));
      await target.close();
    }
    await store.close();
  });

  it('epoch seconds / ms, out-of-order rows and duplicate timestamps: sorted, last row in the file wins, existing rows updated', async () => {
    const { store, dir } = await fresh('epoch');
    store.append(makeBatch(asset, T0, 10));
    await store.flush();
    const file = path.join(dir, 'e.csv');
    const s = T0 / 1000;
    fs.writeFileSync(file, `t,f\n${s + 12},1.5\n${s + 11},2\n${s + 12},3\n${s + 5},-7\n`);
    const r = await importFile(store, file, {
      timestampColumn: 't',
      timestampFormat: 'epoch-s',
      columns: { f: 'flow' },
    });
    expect(r).toMatchObject({
      rowsAccepted: 4,
      rowsImported: 3,
      duplicateTimestamps: 1,
      rowsInserted: 2,
      rowsUpdated: 1,
      rejected: [],
    });
    const at = await store.valuesAt(T0 + 12_000, { tagIds: ['flow', 'motor_speed'] });
    expect(at.values[0]).toBe(3);
    const upd = await store.valuesAt(T0 + 5_000, { tagIds: ['flow', 'motor_speed'], lookBackMs: 1 });
    expect(upd.values[0]).toBe(-7);
    expect(upd.values[1]).toBe(asset.tags.findIndex((t) => t.id === 'motor_speed') * 1000 + 5); // unmapped tag kept
    const ms = path.join(dir, 'ms.csv');
    fs.writeFileSync(ms, `t,f\n${T0 + 20_000},4\n`);
    expect(
      (
        await importFile(store, ms, {
          timestampColumn: 't',
          timestampFormat: 'epoch-ms',
          columns: { f: 'flow' },
        })
      ).rowsInserted,
    ).toBe(1);
    expect((await store.valuesAt(T0 + 20_000, { tagIds: ['flow'] })).values[0]).toBe(4);
    void flowK;
    await store.close();
  });

  it('malformed CSV: rejected rows listed with line numbers and reasons, good rows kept', async () => {
    const { store, dir } = await fresh('bad');
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      file,
      [
        'time,flow,speed',
        '2024-01-01T00:00:00Z,1,2', // 2 ok
        '2024-01-01T00:00:01+01:00,abc,3', // 3 text in a numeric column
        ',4,5', // 4 missing timestamp
        '2024-01-01 00:00:03,6,7', // 5 ok (no zone = UTC)
        '2024-01-01T00:00:04Z;8;9', // 6 wrong delimiter
        '2024-01-01T00:00:05Z,10,11', // 7 ok
        'not-a-time,12,13', // 8 bad timestamp
      ].join('\n') + '\n',
    );
    const r = await importFile(store, file, {
      timestampColumn: 'time',
      timestampFormat: 'iso',
      columns: { flow: 'flow', speed: 'motor_speed' },
    });
    expect(r.rowsImported).toBe(3);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 6, 8]);
    expect(r.rejected[0]).toMatchObject({ column: 'flow', text: '2024-01-01T00:00:01+01:00,abc,3' });
    expect(r.rejected[0]!.reason).toMatch(/cast.*abc/i);
    expect(r.rejected[1]).toMatchObject({ column: 'time', reason: 'missing timestamp' });
    expect(r.rejected[2]!.reason).toMatch(/missing columns/i);
    const w = await store.queryWindow({ from: T0, to: T0 + 6000, tagIds: ['flow'], buckets: 6 });
    expect(Array.from(w.t)).toEqual([T0, T0 + 3000, T0 + 5000]);
    expect(Array.from(w.series[0]!.last)).toEqual([1, 6, 10]);
    await store.close();
  });

  it('whole file with another delimiter, header-only file and 0-byte file get clear answers', async () => {
    const { store, dir } = await fresh('edge');
    const semi = path.join(dir, 'semi.csv');
    fs.writeFileSync(semi, 'time;flow\n2024-01-01T00:00:00Z;1\n');
    await expect(
      importFile(store, semi, {
        timestampColumn: 'time',
        timestampFormat: 'iso',
        columns: { flow: 'flow' },
        delimiter: ',',
      }),
    ).rejects.toThrow(/another delimiter/);
    // Detected when not given.
    expect(
      (
        await importFile(store, semi, {
          timestampColumn: 'time',
          timestampFormat: 'iso',
          columns: { flow: 'flow' },
        })
      ).rowsInserted,
    ).toBe(1);
    expect((await previewImport(store, semi)).delimiter).toBe(';');
    const header = path.join(dir, 'header.csv');
    fs.writeFileSync(header, 'time,flow\n');
    expect(
      await importFile(store, header, {
        timestampColumn: 'time',
        timestampFormat: 'iso',
        columns: { flow: 'flow' },
      }),
    ).toMatchObject({ rowsImported: 0, rejected: [] });
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    await expect(
      importFile(store, empty, {
        timestampColumn: 'time',
        timestampFormat: 'iso',
        columns: { flow: 'flow' },
      }),
    ).rejects.toThrow(/is empty \(0 bytes\)/);
    await expect(
      importFile(store, semi, { timestampColumn: 'time', timestampFormat: 'iso', columns: { nope: 'flow' } }),
    ).rejects.toThrow(/column "nope" not found/);
    await store.close();
  });

  it('truncated Parquet gives a clear error', async () => {
    const { store, dir } = await fresh('pq');
    store.append(makeBatch(asset, T0, 3000));
    await store.flush();
    const file = path.join(dir, 'x.parquet');
    await exportRange(store, file, { from: T0, to: T0 + 3_000_000 });
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    await expect(
      importFile(store, file, {
        timestampColumn: 'timestamp',
        timestampFormat: 'iso',
        columns: { flow: 'flow' },
      }),
    ).rejects.toThrow(/Parquet file .* is truncated or not a Parquet file/);
    await expect(previewImport(store, file)).rejects.toThrow(/truncated or not a Parquet file/);
    await store.close();
  });
});
