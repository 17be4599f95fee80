// Benchmarks the history store: `npm run bench:history -- [--days N] [--tags N] [--csv-rows N] [--flush-values N]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TelemetryBatch } from '../core/api/types';
import { parseAssetJson } from '../core/asset/parse';
import type { AssetDefinition } from '../core/asset/schema';
import { HistoryStore, importFile } from '../electron/services/history';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const DAYS = arg('days', 30);
const TAGS = arg('tags', 40);
const CSV_ROWS = arg('csv-rows', 1_000_000);
/** Values per commit: 250 ms (the shortest flush interval the issue allows) at the 5 M values/s target. */
const FLUSH_VALUES = arg('flush-values', 1_250_000);
const T0 = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

const assetFile = path.resolve(__dirname, '../assets/pump-skid/asset.json');
const parsed = parseAssetJson(fs.readFileSync(assetFile, 'utf8'), assetFile);
if (!parsed.ok) throw new Error('asset does not parse');
const base = parsed.asset;
const tags = Array.from({ length: TAGS }, (_, k) => {
  const t = base.tags[k % base.tags.length]!;
  return k < base.tags.length ? t : { ...t, id: `${t.id}_${Math.floor(k / base.tags.length)}` };
});
const asset: AssetDefinition = { ...base, tags };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
async function timeIt(
  runs: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number; first: number }> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    xs.push(performance.now() - t);
  }
  return { p50: pct(xs.slice(1), 50), p95: pct(xs.slice(1), 95), first: xs[0] ?? Number.NaN };
}

/** One hour of plausible signals: slow drift, a daily cycle and sensor noise, rounded like the live batcher. */
function hourBatch(hour: number, state: Float64Array): TelemetryBatch {
  const n = 3600;
  const t = Array.from({ length: n }, (_, i) => T0 + (hour * 3600 + i) * 1000);
  const values = tags.map((tag, k) => {
    const [lo, hi] = tag.normal;
    const mid = (lo + hi) / 2;
    const amp = (hi - lo) / 4 || 1;
    const col: (number | null)[] = new Array(n);
    let s = state[k] ?? 0;
    for (let i = 0; i < n; i++) {
      s += (Math.random() - 0.5) * 0.01 - s * 0.001;
      const sec = hour * 3600 + i;
      const v =
        mid +
        amp * (0.5 * Math.sin((2 * Math.PI * sec) / 86_400 + k) + s) +
        (Math.random() - 0.5) * amp * 0.02;
      col[i] = Math.round(v * 1e4) / 1e4;
    }
    state[k] = s;
    return col;
  });
  const quality = tags.map(() => new Array<number>(n).fill(0));
  return { assetId: asset.id, t, values, quality };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinscape-bench-history-'));
  console.log(
    `bench-history: ${DAYS} days at 1 Hz × ${TAGS} tags (${((DAYS * 86_400 * TAGS) / 1e6).toFixed(1)} M values) in ${dir}`,
  );
  try {
    const store = await HistoryStore.open({
      path: path.join(dir, 'ws.duckdb'),
      asset,
      flushIntervalMs: 3_600_000,
    });
    const state = new Float64Array(TAGS);
    let storeMs = 0;
    let flushes = 0;
    const hours = Math.round(DAYS * 24);
    // Commit as a live feed at the target rate with a 250 ms flush interval would: every FLUSH_VALUES values.
    const hoursPerFlush = Math.max(1, Math.floor(FLUSH_VALUES / (3600 * TAGS)));
    for (let h = 0; h < hours; h++) {
      const batch = hourBatch(h, state);
      const t = performance.now();
      store.append(batch);
      if ((h + 1) % hoursPerFlush === 0 || h === hours - 1) {
        await store.flush();
        flushes++;
      }
      storeMs += performance.now() - t;
      if (h % 24 === 23) process.stdout.write(`\r  day ${(h + 1) / 24} of ${DAYS}`);
    }
    const t = performance.now();
    await store.checkpoint();
    const checkpointMs = performance.now() - t;
    process.stdout.write('\n');
    const values = hours * 3600 * TAGS;
    const rate = values / ((storeMs + checkpointMs) / 1000);
    const bytes = store.diskUsage().bytes;
    const bpv = bytes / values;

    const chartTags = ['motor_speed', 'flow', 'discharge_pressure', 'bearing_de_temp'];
    const span = hours * 3_600_000;
    const day = await timeIt(30, (i) =>
      store.queryWindow({
        from: T0 + ((i * 7919) % Math.max(1, DAYS - 1)) * DAY,
        to: T0 + (((i * 7919) % Math.max(1, DAYS - 1)) + 1) * DAY,
        tagIds: chartTags,
        buckets: 1000,
      }),
    );
    const dayAll = await timeIt(15, (i) =>
      store.queryWindow({
        from: T0 + (i % Math.max(1, DAYS - 1)) * DAY,
        to: T0 + ((i % Math.max(1, DAYS - 1)) + 1) * DAY,
        buckets: 1000,
      }),
    );
    const month = await timeIt(15, () =>
      store.queryWindow({ from: T0, to: T0 + span, tagIds: chartTags, buckets: 1000 }),
    );
    const step = await timeIt(100, (i) =>
      store.valuesAt(T0 + Math.floor((((i * 104_729) % 1000) / 1000) * span)),
    );
    await store.close();

    // 1 M-row CSV import (timestamp + 4 tags) into a fresh store.
    const csv = path.join(dir, 'import.csv');
    const out = fs.openSync(csv, 'w');
    const lines: string[] = ['timestamp,flow,motor_speed,discharge_pressure,bearing_de_temp'];
    for (let i = 0; i < CSV_ROWS; i++) {
      lines.push(
        `${new Date(T0 + i * 1000).toISOString()},${(100 + Math.sin(i / 600) * 10).toFixed(3)},${(1480 + (i % 7)).toFixed(1)},${(4 + Math.cos(i / 900)).toFixed(4)},${(55 + (i % 100) / 100).toFixed(2)}`,
      );
      if (lines.length >= 50_000) fs.writeSync(out, lines.splice(0).join('\n') + '\n');
    }
    fs.writeSync(out, lines.join('\n') + '\n');
    fs.closeSync(out);
    const target = await HistoryStore.open({
      path: path.join(dir, 'import.duckdb'),
      asset,
      flushIntervalMs: 3_600_000,
    });
    const ti = performance.now();
    const report = await importFile(target, csv, {
      timestampColumn: 'timestamp',
      timestampFormat: 'iso',
      columns: {
        flow: 'flow',
        motor_speed: 'motor_speed',
        discharge_pressure: 'discharge_pressure',
        bearing_de_temp: 'bearing_de_temp',
      },
    });
    const importMs = performance.now() - ti;
    await target.close();

    const row = (what: string, value: string, target: string, ratio: number) =>
      console.log(
        `${what.padEnd(44)} ${value.padStart(16)}   target ${target.padEnd(14)} ${ratio >= 1 ? 'OK  ' : 'MISS'} ×${ratio.toFixed(2)}`,
      );
    console.log('');
    row(
      'ingest (append + commit, chunk appender)',
      `${(rate / 1e6).toFixed(2)} M values/s`,
      '≥ 5 M/s',
      rate / 5e6,
    );
    row('bytes per value (db + wal, after checkpoint)', `${bpv.toFixed(2)} B`, '≤ 3.5 B', 3.5 / bpv);
    row(`1-day window, 1000 buckets, 4 tags  p95`, `${day.p95.toFixed(1)} ms`, '≤ 20 ms', 20 / day.p95);
    row(
      `${DAYS}-day window, 1000 buckets, 4 tags  p95`,
      `${month.p95.toFixed(1)} ms`,
      '≤ 100 ms',
      100 / month.p95,
    );
    console.log(`  1-day  4 tags: p50 ${day.p50.toFixed(1)} ms, first ${day.first.toFixed(1)} ms`);
    console.log(`  1-day ${TAGS} tags: p50 ${dayAll.p50.toFixed(1)} ms, p95 ${dayAll.p95.toFixed(1)} ms`);
    console.log(`  ${DAYS}-day 4 tags: p50 ${month.p50.toFixed(1)} ms, first ${month.first.toFixed(1)} ms`);
    console.log(
      `  playhead step (valuesAt, ${TAGS} tags): p50 ${step.p50.toFixed(2)} ms, p95 ${step.p95.toFixed(2)} ms`,
    );
    console.log(
      `  ingest: ${flushes} commits of ${hoursPerFlush} h, ${(storeMs / 1000).toFixed(1)} s + checkpoint ${(checkpointMs / 1000).toFixed(1)} s; file ${(bytes / 1e6).toFixed(1)} MB`,
    );
    console.log(
      `  CSV import: ${CSV_ROWS.toLocaleString('en')} rows × 4 tags in ${(importMs / 1000).toFixed(2)} s (${(((CSV_ROWS / importMs) * 1000) / 1e6).toFixed(2)} M rows/s), ${report.rowsInserted} inserted, ${report.rejected.length} rejected`,
    );
  } finally {
    if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
