// The backend raises the deployed normal-behaviour model's predictive alarm: a real backend in process on the
// pump-skid simulator, real DuckDB history and audit trail in a temporary data folder, a card trained on the
// simulator's own normal running. An operator and a viewer client see the same alarm; only the operator may
// acknowledge it; its raise and acknowledgement are in history; a card that does not fit is not loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREDICTIVE_ALARM_ID, type PredictiveAlarm } from '../../../core/alarms/predictive-alarm';
import type { AuditEntry } from '../../../core/api/domains/audit';
import type { NormalModelRegistry } from '../../../core/api/domains/normal-models';
import type { HistoryEventItem } from '../../../core/api/domains/history';
import type { Caller } from '../../../core/api/roles';
import type { TwinEvent } from '../../../core/api/types';
import type { TagDefinition } from '../../../core/asset/schema';
import { normalModelCard, trainNormalModel, type NormalModelCard } from '../../../core/ml/normal';
import { builtInAssetPath, readAssetFile } from '../../../electron/services/asset-files';
import { LiveSimulation } from '../../../electron/services/live-simulation';
import { createTwinBackend, type TwinBackend } from '../../../electron/services/twin-backend';
import { frameOf } from '../../core/ml/normal/synthetic';

const asset = readAssetFile(builtInAssetPath(process.cwd()));
const VIEWER: Caller = { role: 'viewer', client: 'web 10.0.0.9' };
const TRAINING_ROWS = 400;

/** The simulator's first rows at default setpoints, one per second, one value per asset tag. */
function simulatorRows(seed: number, rows: number): number[][] {
  const out: number[][] = [];
  const sim = new LiveSimulation({
    asset,
    seed,
    onAlarms: () => undefined,
    onTelemetry: (batch) => {
      for (let i = 0; i < batch.t.length; i++)
        out.push(batch.values.map((column) => column[i] ?? Number.NaN));
    },
  });
  sim.runFor(rows);
  return out;
}

function pumpSkidCard(tags: readonly TagDefinition[], createdAt: string): NormalModelCard {
  const { model, report } = trainNormalModel(frameOf(simulatorRows(7, TRAINING_ROWS), tags), tags, {
    sampleRateHz: 1,
  });
  return normalModelCard(model, report, { asset: asset.id, trainedOn: 'simulator, first 400 s', createdAt });
}

async function call<T>(backend: TwinBackend, method: string, payload: unknown, caller?: Caller): Promise<T> {
  const result = await backend.invoke(method as never, payload, caller);
  if (!result.ok) throw new Error(`${method}: ${result.error}`);
  return result.value as T;
}

let dataDir: string;
let backend: TwinBackend | null = null;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-predictive-'));
});

afterEach(async () => {
  await backend?.dispose();
  backend = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The latest predictive alarm each client was sent (undefined: no alarms event carried one yet). */
function follow(b: TwinBackend, caller?: Caller) {
  const seen: { predictive: PredictiveAlarm | null | undefined; notices: string[] } = {
    predictive: undefined,
    notices: [],
  };
  b.subscribe((e: TwinEvent) => {
    if (e.type === 'alarms' && e.snapshot.predictive !== undefined) seen.predictive = e.snapshot.predictive;
    if (e.type === 'notice') seen.notices.push(e.message);
  }, caller);
  return seen;
}

describe('predictive alarm raised by the backend', () => {
  it('raises it on a disturbed tag for every client; only the operator acknowledges it; history has it', async () => {
    backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, seed: 1, speed: 1 });
    const operator = follow(backend);
    const viewer = follow(backend, VIEWER);
    await call(backend, 'simCommand', { kind: 'pause' });
    const saved = await call<NormalModelRegistry>(backend, 'saveNormalModel', {
      card: pumpSkidCard(asset.tags, '2026-12-07T10:00:00.000Z'),
      deploy: true,
    });
    expect(saved.activeId).not.toBeNull();
    expect(saved.problems).toEqual([]);
    // Normal running, as trained: no alarm.
    await call(backend, 'simCommand', { kind: 'speed', speed: 100 });
    await call(backend, 'simCommand', { kind: 'run' });
    const start = (await call<{ sim: { simTime: number } }>(backend, 'getSession', {})).sim.simTime;
    await expect
      .poll(async () => (await call<{ sim: { simTime: number } }>(backend!, 'getSession', {})).sim.simTime, {
        timeout: 20_000,
      })
      .toBeGreaterThan(start + 120_000);
    expect(operator.predictive ?? null).toBeNull();

    // The flow transmitter reads far off: the model raises its alarm and names it.
    await call(backend, 'injectFault', { faultId: 'sensor_bias', severity: 1, targetTag: 'flow' });
    await expect.poll(() => operator.predictive?.state, { timeout: 20_000 }).toBe('unack');
    expect(operator.predictive!.why[0]).toBe('flow');
    expect(operator.predictive!.id).toBe(PREDICTIVE_ALARM_ID);
    expect(viewer.predictive).toMatchObject({ state: 'unack', why: operator.predictive!.why.slice(0, 1) });
    expect(viewer.predictive!.why[0]).toBe('flow');
    const session = await call<{ predictiveAlarm?: PredictiveAlarm | null }>(
      backend,
      'getSession',
      {},
      VIEWER,
    );
    expect(session.predictiveAlarm?.state).toBe('unack');

    // A viewer may not acknowledge it; the operator can, and both clients see it acknowledged.
    const refused = await backend.invoke(
      'alarmCommand',
      { alarmId: PREDICTIVE_ALARM_ID, action: 'ack' },
      VIEWER,
    );
    expect(refused.ok).toBe(false);
    expect(operator.predictive?.state).toBe('unack');
    const shelve = await backend.invoke('alarmCommand', {
      alarmId: PREDICTIVE_ALARM_ID,
      action: 'shelve',
      minutes: 5,
    });
    expect(shelve).toMatchObject({ ok: false, error: expect.stringMatching(/only be acknowledged/) });
    const acked = await call<{ predictive?: PredictiveAlarm | null }>(backend, 'alarmCommand', {
      alarmId: PREDICTIVE_ALARM_ID,
      action: 'ack',
    });
    expect(acked.predictive?.state).toBe('ack');
    expect(operator.predictive?.state).toBe('ack');
    expect(viewer.predictive?.state).toBe('ack');

    // History: raised (unack) and acknowledged, as alarm events beside the limit alarms (committed as the
    // plant runs on); the Ack is audited.
    await expect
      .poll(
        async () => {
          const now = (await call<{ sim: { simTime: number } }>(backend!, 'getSession', {})).sim.simTime;
          const events = await call<HistoryEventItem[]>(backend!, 'historyEvents', { from: start, to: now });
          return events
            .filter((e) => e.kind === 'alarm' || e.kind === 'ack')
            .map((e) => ({
              item: e.kind,
              ...(e.payload as { alarmId: string; kind: string; from: string | null; to: string }),
            }))
            .filter((p) => p.alarmId === PREDICTIVE_ALARM_ID)
            .map((p) => `${p.item} ${p.kind} ${p.from ?? 'none'}→${p.to}`);
        },
        { timeout: 10_000 },
      )
      .toEqual(['alarm predictive none→unack', 'ack predictive unack→ack']);
    const audit = await call<AuditEntry[]>(backend, 'listAudit', { limit: 20 });
    const acks = audit.filter((e) => e.method === 'alarmCommand' && e.summary.includes(PREDICTIVE_ALARM_ID));
    expect(acks.map((e) => `${e.role} ${e.ok}`)).toEqual(['operator true', 'operator false', 'viewer false']);
  }, 60_000);

  it('does not load a card whose tag differs from the asset, and says which tag', async () => {
    backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, seed: 1, speed: 1 });
    const operator = follow(backend);
    const renamedUnit = asset.tags.map((t) => (t.id === 'flow' ? { ...t, unit: 'gal/min' } : t));
    const listed = await call<NormalModelRegistry>(backend, 'saveNormalModel', {
      card: pumpSkidCard(renamedUnit, '2026-12-07T11:00:00.000Z'),
      deploy: true,
    });
    expect(operator.notices.join('\n')).toMatch(/not loaded on the backend.*tag "flow" is in .* gal\/min/);
    expect(listed.problems.join('\n')).toMatch(/tag "flow"/);
    expect(listed.problemPhrases?.at(-1)?.code, 'the listed line as a phrase too').toBe(
      'normalBackendRefused',
    );
    // Running the plant raises no predictive alarm from a card that was not loaded.
    await call(backend, 'injectFault', { faultId: 'sensor_bias', severity: 1, targetTag: 'flow' });
    await call(backend, 'simCommand', { kind: 'speed', speed: 100 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(operator.predictive ?? null).toBeNull();
    const refused = await backend.invoke('alarmCommand', { alarmId: PREDICTIVE_ALARM_ID, action: 'ack' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/no predictive alarm stands/) });
  }, 60_000);
});
