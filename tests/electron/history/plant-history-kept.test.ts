import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryInfo, HistoryWindow } from '../../../core/api/domains/history';
import type { HistoryRuns } from '../../../core/api/domains/history-runs';
import type { TwinMethod } from '../../../core/api/schemas';
import type { SessionInfo, TwinEvent } from '../../../core/api/types';
import type { TrainerState } from '../../../core/scenario/trainer-state';
import { HistoryStore } from '../../../electron/services/history/store/history-store';
import { valueColumn } from '../../../electron/services/history/store/schema';
import { createTwinBackend, type TwinBackend } from '../../../electron/services/twin-backend';
import { pumpSkid, ROOT, tempDir } from './helpers';

const asset = pumpSkid();
const HOUR_MS = 3_600_000;
let backend: TwinBackend;
let dataDir: string;
const notices: string[] = [];

async function call<T>(method: TwinMethod, payload: unknown = {}): Promise<T> {
  const r = await backend.invoke(method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error}`);
  return r.value as T;
}

const simTime = async () => (await call<SessionInfo>('getSession')).sim.simTime;

const TAGS = asset.tags.slice(0, 4).map((t) => t.id);

/** Every stored value of four tags over (from, to] through the API, once committed up to `to`. */
async function plantValues(from: number, to: number): Promise<(number | null)[][]> {
  while ((await call<HistoryInfo>('historyInfo')).to !== to) await new Promise((r) => setTimeout(r, 50));
  const w = await call<HistoryWindow>('historyWindow', {
    from: from + 1,
    to: to + 1,
    buckets: 4000,
    tagIds: TAGS,
  });
  return w.series.map((x) => x.first);
}

async function runPlantUntil(t: number): Promise<number> {
  await call('simCommand', { kind: 'run' });
  while ((await simTime()) < t) await new Promise((r) => setTimeout(r, 50));
  await call('simCommand', { kind: 'pause' });
  return simTime();
}

/** The plant store's samples in (from, to], read from the file once the backend closed it. */
async function storedSamples(from: number, to: number) {
  const store = await HistoryStore.open({ path: path.join(dataDir, 'history', `${asset.id}.duckdb`), asset });
  try {
    const { reader, tables } = store.connections;
    const where = `FROM "${tables.samples}" WHERE ts > ${from} AND ts <= ${to}`;
    const head = await reader.runAndReadAll(`SELECT count(*), count(DISTINCT ts), min(ts), max(ts) ${where}`);
    const [count, distinct, first, last] = (head.getRows()[0] ?? []).map((v) => Number(v));
    const columns = TAGS.map((id) => `"${valueColumn(id)}"`).join(', ');
    const rows = (await reader.runAndReadAll(`SELECT ${columns} ${where} ORDER BY ts`)).getRows();
    const values = TAGS.map((_, k) => rows.map((r) => (r[k] == null ? null : Number(r[k]))));
    return { count, distinct, first, last, values };
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dataDir = tempDir('plant-kept');
  backend = await createTwinBackend({ host: 'web', appRoot: ROOT, dataDir, seed: 5, speed: 1000 });
  backend.subscribe((e: TwinEvent) => {
    if (e.type === 'notice') notices.push(e.message);
  });
});

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the plant history and trainer runs', () => {
  it('keeps every sample of an hour of plant history through a trainer scenario played to the end', async () => {
    const start = await simTime();
    const paused = await runPlantUntil(start + HOUR_MS);
    expect(paused - start).toBeGreaterThanOrEqual(HOUR_MS);
    const before = await plantValues(start, paused);
    expect(before[0]?.filter((v) => v !== null)).toHaveLength((paused - start) / 1000);

    await call('trainerCommand', { kind: 'load', scenarioId: 'cavitation-low-suction-tank' });
    let s = await call<TrainerState>('trainerCommand', { kind: 'play' });
    for (let i = 0; i < 300 && s.status !== 'finished'; i++) {
      s = s.question
        ? await call<TrainerState>('trainerAnswer', { questionId: s.question.id, choice: 0 })
        : await call<TrainerState>('trainerCommand', { kind: 'step' });
    }
    expect(s.status).toBe('finished');
    const runs = await call<HistoryRuns>('historyRuns');
    expect(runs.recording).toBe(runs.runs[0]?.id);
    expect(runs.viewing).toBe(runs.recording);
    await call('trainerCommand', { kind: 'stop' });
    expect((await call<HistoryRuns>('historyRuns')).viewing).toBeNull();

    // The plant goes on from where it was parked: its time axis continues.
    expect(await simTime()).toBe(paused);
    const resumed = await runPlantUntil(paused + 60_000);
    await backend.dispose();

    // Every sample of the plant's hour, value by value, as it was before the scenario.
    const hour = await storedSamples(start, paused);
    expect(hour).toEqual({
      count: (paused - start) / 1000,
      distinct: (paused - start) / 1000,
      first: start + 1000,
      last: paused,
      values: before,
    });
    expect((await storedSamples(paused, resumed)).count).toBe((resumed - paused) / 1000);
    expect(notices.filter((m) => /replaced|clock went back/i.test(m))).toEqual([]);
    const historyDir = path.join(dataDir, 'history');
    expect(fs.readdirSync(historyDir).filter((f) => f.endsWith('.parquet'))).toEqual([]);

    // The scenario's samples are in the run's own store, listed for History….
    const run = runs.runs[0];
    expect(run).toMatchObject({ kind: 'scenario', title: expect.stringMatching(/Cavitation/) as string });
    const runFiles = fs.readdirSync(path.join(historyDir, 'runs', asset.id));
    expect(runFiles).toContain(`${run?.id}.duckdb`);
  });
});
