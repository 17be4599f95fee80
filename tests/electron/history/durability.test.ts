import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore, type StoreProblem, type StoreProblemKind } from '../../../electron/services/history';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { phraseText } from '../../../renderer/src/i18n/phrase-text';
import { ROOT, makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2024, 0, 1);
const newTempDir = tempDirsRemovedAfterAll();

/** A store with 600 checkpointed samples, then 20 commits of 60 samples left in the WAL, "crashed" (files copied while open). */
async function crashedStore(): Promise<{ file: string; checkpointed: number; total: number }> {
  const d = newTempDir('wal');
  const file = path.join(d, 'ws.duckdb');
  const store = await HistoryStore.open({ path: file, asset, flushIntervalMs: 60_000 });
  store.append(makeBatch(asset, T0, 600));
  await store.checkpoint();
  for (let i = 0; i < 20; i++) {
    store.append(makeBatch(asset, T0, 60, 600 + i * 60));
    await store.flush();
  }
  const copies = [file, `${file}.wal`, `${file}.commit`].map((f) => {
    fs.copyFileSync(f, `${f}.snap`);
    return f;
  });
  await store.close();
  for (const f of copies) fs.renameSync(`${f}.snap`, f);
  expect(fs.statSync(`${file}.wal`).size).toBeGreaterThan(10_000);
  return { file, checkpointed: 600, total: 1800 };
}

async function healthyStore(): Promise<string> {
  const d = newTempDir('db');
  const file = path.join(d, 'ws.duckdb');
  const store = await HistoryStore.open({ path: file, asset });
  store.append(makeBatch(asset, T0, 20_000));
  await store.close();
  return file;
}

async function expectRecovered(
  file: string,
  kind: StoreProblemKind,
  message: RegExp,
  expectedRows: number,
): Promise<StoreProblem> {
  const before = fs.readFileSync(file);
  const store = await HistoryStore.open({ path: file, asset });
  try {
    expect(store.problems.map((p) => p.kind)).toEqual([kind]);
    const problem = store.problems[0]!;
    expect(problem.message).toMatch(message);
    const moved = problem.movedTo ?? [];
    expect(moved.length).toBeGreaterThan(0);
    expect(path.basename(moved[0]!)).toMatch(/^ws\.duckdb\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    // Never overwritten: the set-aside file holds the original bytes.
    expect(fs.readFileSync(moved[0]!).equals(before)).toBe(true);
    expect(await store.sampleCount()).toBe(expectedRows);
    store.append(makeBatch(asset, T0 + 1e9, 10));
    await store.flush();
    return problem;
  } finally {
    await store.close();
  }
}

describe('corrupt stores at start-up', () => {
  it('0-byte file', async () => {
    const file = await healthyStore();
    fs.writeFileSync(file, '');
    await expectRecovered(file, 'empty-file', /is empty \(0 bytes\)/, 0);
  });

  it('foreign file: PNG bytes', async () => {
    const file = await healthyStore();
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5000, 7)]),
    );
    await expectRecovered(file, 'foreign-file', /not a Twinscape history store: it is a PNG image/, 0);
  });

  it('foreign file: SQLite database', async () => {
    const file = await healthyStore();
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080, 1)]),
    );
    await expectRecovered(file, 'foreign-file', /it is an SQLite database/, 0);
  });

  it('foreign file: a DuckDB database of another program', async () => {
    const d = newTempDir('foreign-duck');
    const file = path.join(d, 'ws.duckdb');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(file);
    const c = await inst.connect();
    await c.run('CREATE TABLE invoices (id INTEGER)');
    c.closeSync();
    inst.closeSync();
    await expectRecovered(file, 'foreign-file', /DuckDB database from another program/, 0);
  });

  it('zeroed header', async () => {
    const file = await healthyStore();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096), 0, 4096, 0);
    fs.closeSync(fd);
    await expectRecovered(file, 'zeroed-header', /zeroed header/, 0);
  });

  it('truncated database', async () => {
    const file = await healthyStore();
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    await expectRecovered(file, 'truncated-database', /is truncated/, 0);
  });

  it('garbled WAL: set aside, continue from the last checkpoint, report the loss', async () => {
    const { file, checkpointed } = await crashedStore();
    const wal = fs.readFileSync(`${file}.wal`);
    for (let i = 100; i < wal.length; i += 7) wal[i] = (wal[i] ?? 0) ^ 0x5a;
    fs.writeFileSync(`${file}.wal`, wal);
    const problem = await expectRecovered(
      file,
      'garbled-wal',
      /write-ahead log .* is damaged.*last checkpoint.*The last 1200 seconds of data before the crash were not recoverable/s,
      checkpointed,
    );
    expect(phraseText(problem.phrase, ''), 'the renderer says it as the store wrote it').toBe(
      problem.message,
    );
    await i18n.changeLanguage('zh-CN');
    try {
      expect(phraseText(problem.phrase, '')).toMatch(
        /预写日志已损坏.*已从上一个检查点继续；损坏的文件保留为 \S+\.corrupt-\S+ 和 \S+\.wal。崩溃前最后 1200 秒的数据无法恢复/,
      );
    } finally {
      await i18n.changeLanguage('en');
    }
    const moved = fs.readdirSync(path.dirname(file));
    expect(moved.some((f) => /^ws\.duckdb\.corrupt-.*\.wal$/.test(f))).toBe(true);
  });

  it('half-truncated WAL: opens, and reports the seconds that were lost', async () => {
    const { file, checkpointed, total } = await crashedStore();
    fs.truncateSync(`${file}.wal`, Math.floor(fs.statSync(`${file}.wal`).size / 2));
    const store = await HistoryStore.open({ path: file, asset });
    try {
      expect(store.problems.map((p) => p.kind)).toEqual(['wal-tail-lost']);
      const p = store.problems[0]!;
      expect(p.message).toMatch(
        /the last \d+ seconds of data before the crash were not recoverable \(\d+ commits lost\)/,
      );
      const rows = await store.sampleCount();
      expect(rows).toBeGreaterThanOrEqual(checkpointed);
      expect(rows).toBeLessThan(total);
      expect(p.lostSeconds).toBe(total - rows);
      expect(p.phrase, 'the same sentence as a code and values, for the renderer').toEqual({
        code: 'historyWalTailLost',
        params: { path: file, seconds: total - rows, commits: p.lostCommits },
      });
      expect(fs.existsSync(p.movedTo![0]!)).toBe(true);
    } finally {
      await store.close();
    }
    // Reported once: the next start is clean.
    const again = await HistoryStore.open({ path: file, asset });
    expect(again.problems).toEqual([]);
    await again.close();
  });

  it('an intact WAL after a crash replays fully without a report', async () => {
    const { file, total } = await crashedStore();
    const store = await HistoryStore.open({ path: file, asset });
    expect(store.problems).toEqual([]);
    expect(await store.sampleCount()).toBe(total);
    await store.close();
  });
});

describe('crash safety (set checker)', () => {
  it('every commit reported before SIGKILL survives, nothing is duplicated', async () => {
    const d = newTempDir('crash');
    const file = path.join(d, 'ws.duckdb');
    const cli = path.join(ROOT, 'node_modules/vite-node/dist/cli.mjs');
    const child = path.join(ROOT, 'tests/electron/history/crash-child.ts');
    const acknowledged: [number, number][] = [];
    const ROUNDS = 10;
    for (let round = 0; round < ROUNDS; round++) {
      const start = round * 1_000_000;
      let last = -1;
      const proc = spawn(process.execPath, [cli, child, file, String(start)], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      await new Promise<void>((resolve, reject) => {
        let buf = '';
        let killTimer: NodeJS.Timeout | null = null;
        proc.stdout.on('data', (b: Buffer) => {
          buf += b.toString();
          const lines = buf.split('\n');
          buf = lines.pop() ?? '';
          for (const line of lines) {
            if (line.startsWith('ready')) {
              expect(line.trim()).toBe('ready');
              killTimer = setTimeout(() => proc.kill('SIGKILL'), 150 + Math.random() * 600);
            } else if (line.startsWith('C ')) last = Number(line.slice(2));
          }
        });
        proc.on('exit', (_code, signal) => {
          if (killTimer) clearTimeout(killTimer);
          if (signal === 'SIGKILL') resolve();
          else reject(new Error(`child exited on its own: ${stderr}`));
        });
      });
      if (last >= start) acknowledged.push([start, last]);

      const store = await HistoryStore.open({ path: file, asset, flushIntervalMs: 60_000 });
      try {
        expect(store.problems).toEqual([]);
        const { reader, tables } = store.connections;
        const rows = (await reader.runAndReadAll(`SELECT (ts - ${T0}) // 1000 FROM "${tables.samples}"`))
          .getRows()
          .map((r) => Number(r[0]));
        const ids = new Set(rows);
        expect(ids.size).toBe(rows.length);
        for (const [a, b] of acknowledged)
          for (let id = a; id <= b; id++)
            if (!ids.has(id)) throw new Error(`acknowledged id ${id} lost (round ${round})`);
      } finally {
        await store.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS - 1);
  }, 60_000);
});
