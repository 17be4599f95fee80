import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryInfo, ImportPreview, ImportReport } from '../../../core/api/domains/history';
import { historyServiceAt } from '../../../electron/services/history/service';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const dir = tempDirsRemovedAfterAll();

/** A web-mode backend with 300 samples stored. */
async function webModeWithSamples(data: string) {
  const f = fakeContext(asset, data, { fileAccess: 'exchange-only' });
  f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 300) });
  await vi.waitFor(async () => expect((await f.call<HistoryInfo>('historyInfo')).sampleCount).toBe(300), {
    timeout: 5000,
    interval: 20,
  });
  return f;
}

describe('web mode reads and writes files only in the exchange folder', () => {
  it('refuses /etc/passwd, ".." and a symlink out of the folder, naming the folder', async () => {
    const data = dir('confined');
    const exchange = path.join(data, 'exchange');
    const f = fakeContext(asset, data, { fileAccess: 'exchange-only' });
    try {
      expect(fs.statSync(exchange).isDirectory()).toBe(true);
      const outside = path.join(data, 'secret.csv');
      fs.writeFileSync(outside, 'time,flow\n1,2\n');
      fs.symlinkSync(outside, path.join(exchange, 'link.csv'));
      const refusal = (p: string) => f.call('previewImport', { path: p });
      await expect(refusal('/etc/passwd')).rejects.toThrow(
        `outside the exchange folder ${exchange}; put the file there`,
      );
      await expect(refusal('../secret.csv')).rejects.toThrow(`"..", which is not allowed`);
      await expect(refusal(`${exchange}/../secret.csv`)).rejects.toThrow(exchange);
      await expect(refusal('link.csv')).rejects.toThrow(`outside the exchange folder ${exchange}`);
      await expect(
        f.call('importHistory', {
          path: '/etc/passwd',
          timestampColumn: 'root',
          timestampFormat: 'iso',
          columns: { x: 'flow' },
        }),
      ).rejects.toThrow(`outside the exchange folder ${exchange}`);

      fs.writeFileSync(path.join(exchange, 'ok.csv'), 'time,flow\n1,2\n');
      const preview = await f.call<ImportPreview>('previewImport', { path: 'ok.csv' });
      expect(preview.columns.map((c) => c.name)).toEqual(['time', 'flow']);
      const report = await f.call<ImportReport>('importHistory', {
        path: 'ok.csv',
        timestampColumn: 'time',
        timestampFormat: 'epoch-ms',
        columns: { flow: 'flow' },
      });
      expect(report.rowsInserted).toBe(1);
      const info = await f.call<HistoryInfo>('historyInfo');
      expect(info.exchangeDir).toBe(exchange);
      // Behind the path checks, DuckDB itself reads no file outside the exchange and history folders.
      const store = historyServiceAt(info.path!)!.require();
      await expect(store.connections.reader.run(`SELECT * FROM read_csv('/etc/passwd')`)).rejects.toThrow(
        'file system operations are disabled',
      );
    } finally {
      await f.dispose();
    }
  });

  it('writes an export by name into the folder, refuses other folders and an existing file unless overwrite', async () => {
    const data = dir('export');
    const exchange = path.join(data, 'exchange');
    const f = await webModeWithSamples(data);
    try {
      const range = { from: T0, to: T0 + 300_000 };
      const written = await f.call<{ path: string; rows: number }>('exportHistory', {
        path: 'a.csv',
        ...range,
      });
      expect(written).toEqual({ path: path.join(fs.realpathSync(exchange), 'a.csv'), rows: 300 });
      await expect(f.call('exportHistory', { path: path.join(data, 'b.csv'), ...range })).rejects.toThrow(
        `outside the exchange folder ${exchange}`,
      );
      await expect(f.call('exportHistory', { path: '/tmp/new-folder-x/b.csv', ...range })).rejects.toThrow(
        exchange,
      );
      expect(fs.existsSync('/tmp/new-folder-x')).toBe(false);
      fs.writeFileSync(path.join(exchange, 'keep.csv'), 'precious');
      await expect(f.call('exportHistory', { path: 'keep.csv', ...range })).rejects.toThrow(
        'the file already exists',
      );
      expect(fs.readFileSync(path.join(exchange, 'keep.csv'), 'utf8')).toBe('precious');
      await f.call('exportHistory', { path: 'keep.csv', overwrite: true, ...range });
      expect(fs.readFileSync(path.join(exchange, 'keep.csv'), 'utf8')).toMatch(
        /^Time \(UTC\),.*\ntimestamp,/,
      );
    } finally {
      await f.dispose();
    }
  });
});

describe('export never writes over the store', () => {
  it('refuses the .duckdb, its WAL and commit mark even with overwrite, and the history survives a reopen', async () => {
    const data = dir('onto-store');
    const f = fakeContext(asset, data);
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 300) });
    const db = path.join(data, 'history', `${asset.id}.duckdb`);
    await vi.waitFor(async () => expect((await f.call<HistoryInfo>('historyInfo')).sampleCount).toBe(300), {
      timeout: 5000,
      interval: 20,
    });
    const range = { from: T0, to: T0 + 300_000 };
    for (const target of [db, `${db}.wal`, `${db}.commit`, path.join(data, 'history', 'other.duckdb')])
      await expect(f.call('exportHistory', { path: target, overwrite: true, ...range })).rejects.toThrow(
        'it is a history database file',
      );
    await f.dispose();
    const reopened = fakeContext(asset, data);
    try {
      const info = await reopened.call<HistoryInfo>('historyInfo');
      expect(info.problems).toEqual([]);
      expect(info.sampleCount).toBe(300);
    } finally {
      await reopened.dispose();
    }
  });
});
