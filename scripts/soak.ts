/**
 * Soak run: 24 simulated hours of the built-in pump skid at 1,000× (about 86 s of wall time when the machine keeps
 * up) through the real backend (createTwinBackend, a fresh data folder, history recording on), with the health model
 * predicting once per simulated minute in Node the way the renderer does (scripts/soak/health-loop.ts). Prints, per
 * simulated hour, heap after a full GC, tfjs tensors, history store size and samples stored; then a verdict: flat or
 * growing (the last 6 h against the first 6 h). Exit code 1 when growing. Not part of CI.
 * Usage: npm run soak [-- --hours 2]
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HistoryInfo } from '../core/api/domains/history';
import type { TwinMethod } from '../core/api/schemas';
import type { SessionInfo } from '../core/api/types';
import { createTwinBackend, type TwinBackend } from '../electron/services/twin-backend';
import { REPO_ROOT } from './lib/files';
import { initTfNode } from './lib/tf-node';
import { startHealthLoop } from './soak/health-loop';
import { soakVerdict, tableHeader, tableRow, type HourFigures } from './soak/soak-report';

const SPEED = 1000;
const HOUR_MS = 3_600_000;
const VERDICT_WINDOW_HOURS = 6;

function parseHours(argv: readonly string[]): number {
  const i = argv.indexOf('--hours');
  if (i < 0) return 24;
  const hours = Number(argv[i + 1]);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30)
    throw new Error(`--hours must be an integer 1-720, got "${argv[i + 1] ?? ''}"`);
  return hours;
}

async function call<T>(backend: TwinBackend, method: TwinMethod, payload: unknown): Promise<T> {
  const result = await backend.invoke(method, payload);
  if (!result.ok) throw new Error(`${method}: ${result.error}`);
  return result.value as T;
}

/** A full collection before each reading, so the heap figure is what is live, not what is waiting to be swept. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function main(): Promise<void> {
  const hours = parseHours(process.argv.slice(2));
  const gc = exposeGc();
  const tfBackend = await initTfNode('wasm');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'twinscape-soak-'));
  const backend = await createTwinBackend({ host: 'web', appRoot: REPO_ROOT, dataDir, speed: SPEED });
  const session = await call<SessionInfo>(backend, 'getSession', {});
  const health = await startHealthLoop(session.asset);
  let controls = session.sim.controls;
  let newestSampleMs = Number.NaN;
  backend.subscribe((event) => {
    if (event.type === 'sim') controls = event.status.controls;
    if (event.type !== 'telemetry' || event.batch.t.length === 0) return;
    health.add(event.batch, controls);
    newestSampleMs = event.batch.t.at(-1)!;
  });

  console.log(`soak: ${hours} simulated h at ${SPEED}×, tfjs ${tfBackend}, data in ${dataDir}`);
  console.log(tableHeader());
  await call(backend, 'simCommand', { kind: 'speed', speed: SPEED });
  await call(backend, 'simCommand', { kind: 'run' });
  const startWall = performance.now();
  const rows: HourFigures[] = [];
  let startSimMs = Number.NaN;
  while (rows.length < hours) {
    await health.drain();
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (Number.isNaN(newestSampleMs)) continue;
    if (Number.isNaN(startSimMs)) startSimMs = newestSampleMs;
    if (newestSampleMs - startSimMs < (rows.length + 1) * HOUR_MS) continue;
    await health.drain();
    const info = await call<HistoryInfo>(backend, 'historyInfo', {});
    gc();
    const memory = process.memoryUsage();
    const row: HourFigures = {
      hour: rows.length + 1,
      wallS: (performance.now() - startWall) / 1000,
      heapUsedMb: memory.heapUsed / 1e6,
      rssMb: memory.rss / 1e6,
      tensors: tf.memory().numTensors,
      storeBytes: info.bytes,
      samplesStored: info.sampleCount,
      predictions: health.predictions,
      droppedPredictions: health.dropped,
    };
    rows.push(row);
    console.log(tableRow(row));
  }
  await call(backend, 'simCommand', { kind: 'pause' });
  await backend.dispose();
  rmSync(dataDir, { recursive: true, force: true });

  const wallS = (performance.now() - startWall) / 1000;
  console.log(
    `\n${hours} simulated h in ${wallS.toFixed(0)} s of wall time (${((hours * 3600) / wallS).toFixed(0)}× achieved)`,
  );
  const verdict = soakVerdict(rows, VERDICT_WINDOW_HOURS);
  for (const line of verdict.lines) console.log(line);
  process.exitCode = verdict.flat ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(2);
});
