// Live ingest through a real Mosquitto: `npm run bench:ingest -- [--seconds 8] [--tags 100] [--rates 1000,10000,50000]`.
// A wide asset (one JSON message per row, `--tags` values each) is bound to the broker; web mode runs it as a
// separate process; a publisher process sends at each rate (tag values per second). Per rate it prints what
// reached the renderer's WebSocket stream and the history store (DuckDB), and the latency from publish to the
// renderer's stream.
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { decodeTelemetryFrame } from '../core/api/telemetry-frame';
import { Mosquitto } from '../tests/support/mosquitto';
import { wideLiveAsset } from './lib/wide-live-asset';
import { startWebServer } from './lib/web-session.mjs';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const SECONDS = Number(arg('seconds', '8'));
const TAGS = Number(arg('tags', '100'));
const RATES = arg('rates', '1000,5000,10000,25000,50000,75000').split(',').map(Number);
const TOPIC = 'bench/wide';

interface Received {
  t: number;
  latencyMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

function publish(
  url: string,
  messagesPerSecond: number,
): Promise<{ published: number; firstTs: number; lastTs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'scripts/lib/ingest-publisher.mjs',
        url,
        TOPIC,
        String(TAGS),
        String(messagesPerSecond),
        String(SECONDS),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`publisher exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync('dist/backend/web.cjs')) throw new Error('dist/ is missing: run `npm run build` first');
  const broker = await Mosquitto.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinscape-bench-ingest-'));
  const assetFile = path.join(dir, 'wide.json');
  fs.writeFileSync(assetFile, JSON.stringify(wideLiveAsset(TAGS, TOPIC), null, 2));
  process.env.TWINSCAPE_DATA_DIR = path.join(dir, 'data');
  const server = await startWebServer(['--asset', assetFile, '--connection', `bench=${broker.url}`]);
  const received: Received[] = [];
  const wsUrl = new URL('api', server.url.replace(/^http/, 'ws'));
  wsUrl.search = new URL(server.url).search;
  const socket = new WebSocket(wsUrl, { origin: new URL(server.url).origin });
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return;
    const now = Date.now();
    const frame = decodeTelemetryFrame(new Uint8Array(data));
    for (const t of frame.t) received.push({ t, latencyMs: now - t });
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  await broker.waitForSubscription(TOPIC);

  const windows: { rate: number; published: number; firstTs: number; lastTs: number }[] = [];
  console.log(`bench:ingest — ${TAGS} tags per message, ${SECONDS} s per rate, broker ${broker.url}`);
  for (const rate of RATES) {
    const result = await publish(broker.url, rate / TAGS);
    await new Promise((r) => setTimeout(r, 2000)); // let the pipeline drain
    windows.push({ rate, ...result });
  }
  socket.close();
  server.stop();
  await new Promise((r) => setTimeout(r, 3000)); // the server flushes history on SIGTERM
  await broker.dispose();

  const db = await DuckDBInstance.create(path.join(dir, 'data', 'history', 'bench-wide.duckdb'), {
    access_mode: 'READ_ONLY',
  });
  const connection = await db.connect();
  console.log(
    '\n| target values/s | published values/s | to renderer values/s | stored values/s | lost | latency p50 / p95 ms |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const w of windows) {
    const inWindow = received.filter((r) => r.t >= w.firstTs && r.t <= w.lastTs);
    const latencies = inWindow.map((r) => r.latencyMs).sort((a, b) => a - b);
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM "samples__bench-wide" WHERE ts BETWEEN ${w.firstTs} AND ${w.lastTs}`,
    );
    const stored = Number(reader.getRowObjects()[0]?.n ?? 0);
    const span = Math.max(1, (w.lastTs - w.firstTs) / 1000);
    const perS = (rows: number) => Math.round((rows * TAGS) / span).toLocaleString('en');
    console.log(
      `| ${w.rate.toLocaleString('en')} | ${perS(w.published)} | ${perS(inWindow.length)} | ${perS(stored)} | ${w.published - Math.min(stored, inWindow.length)} | ${percentile(latencies, 0.5).toFixed(0)} / ${percentile(latencies, 0.95).toFixed(0)} |`,
    );
  }
  connection.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(`bench:ingest failed: ${(e as Error).message}`);
  process.exit(1);
});
