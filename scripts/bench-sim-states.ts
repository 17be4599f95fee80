/**
 * Cost of keeping simulator states in the history store for what-ifs from the past: one simulated day of
 * the live simulation (1 Hz, an hourly commit) recorded into a temp store without and with states,
 * the states' bytes, the file growth, the live simulation's own time, and the time to rebuild a fork.
 * Usage: npx vite-node scripts/bench-sim-states.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAssetJson } from '../core/asset/parse';
import { HistoryStore } from '../electron/services/history/store/history-store';
import { simulatorStateAt } from '../electron/services/history/snapshots/snapshot-fork';
import { SnapshotLog, encodeSnapshot, snapshotStats } from '../electron/services/history/snapshots/snapshots';
import { LiveSimulation, type LiveSimulationOptions } from '../electron/services/live-simulation';

const file = 'assets/pump-skid/asset.json';
const parsed = parseAssetJson(fs.readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error(`${file} does not parse`);
const asset = parsed.asset;
const T0 = Date.UTC(2026, 0, 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinscape-bench-states-'));

/** One simulated day, 3600 samples per wall "second" of advance, a setpoint change and a fault on the way. */
function day(live: LiveSimulation, each?: (h: number) => Promise<void>): Promise<void> {
  return (async () => {
    for (let h = 0; h < 24; h++) {
      if (h === 6) live.setControl('speed_setpoint', 45);
      if (h === 12) live.injectFault({ faultId: 'bearing_wear', severity: 0.2, growthPerHour: 0.02 });
      live.advance(1000);
      await each?.(h);
    }
  })();
}

const newLive = (onTelemetry: LiveSimulationOptions['onTelemetry']) =>
  new LiveSimulation({ asset, seed: 4, speed: 3600, onTelemetry, onAlarms: () => undefined, now: () => 0 });

async function recordDay(withStates: boolean) {
  const p = path.join(dir, `${withStates ? 'with' : 'without'}-${Date.now()}.duckdb`);
  const store = await HistoryStore.open({ path: p, asset, flushIntervalMs: 3_600_000 });
  const log = await SnapshotLog.open(store, { flushIntervalMs: 3_600_000 });
  const live = newLive((b) => store.append(b));
  if (withStates) live.onSnapshot((s) => log.add(s));
  const t0 = performance.now();
  await day(live, async () => {
    await store.flush();
    await log.flush();
  });
  const wallMs = performance.now() - t0;
  await store.checkpoint();
  const stats = await snapshotStats(store);
  let forkMs = Number.NaN;
  if (withStates) {
    const at = T0 + 13 * 3_600_000 + 299_000;
    const f0 = performance.now();
    for (let i = 0; i < 20; i++) await simulatorStateAt(store, at - i * 1000);
    forkMs = (performance.now() - f0) / 20;
  }
  await store.close();
  return { wallMs, bytes: fs.statSync(p).size, stats, forkMs };
}

async function liveOnly(withStates: boolean): Promise<number> {
  const live = newLive(() => undefined);
  if (withStates) live.onSnapshot((s) => void encodeSnapshot(s.snapshot));
  const t0 = performance.now();
  await day(live);
  return performance.now() - t0;
}

const row = (label: string, value: string) => console.log(`${label.padEnd(58)}${value}`);
console.log(
  `bench-sim-states: pump skid, 1 simulated day at 1 Hz, a state every 5 simulated minutes + per input`,
);
for (let round = 1; round <= 2; round++) {
  const off = await liveOnly(false);
  const on = await liveOnly(true);
  row(
    `live simulation, 1 day, without / with states (round ${round})`,
    `${off.toFixed(0)} / ${on.toFixed(0)} ms`,
  );
}
const without = await recordDay(false);
const withStates = await recordDay(true);
const { count, bytes } = withStates.stats;
row('states stored per simulated day', `${count}`);
row('bytes per state (deflated JSON, before DuckDB)', `${(bytes / count).toFixed(0)} B`);
row('state bytes per simulated day', `${(bytes / 1024).toFixed(1)} KiB`);
row('file after 1 day, without / with states', `${without.bytes} / ${withStates.bytes} B`);
row(
  'record 1 day (sim + append + commits), without / with',
  `${without.wallMs.toFixed(0)} / ${withStates.wallMs.toFixed(0)} ms`,
);
row('fork from history (restore + replay ≤ 299 s), mean of 20', `${withStates.forkMs.toFixed(1)} ms`);
fs.rmSync(dir, { recursive: true, force: true });
