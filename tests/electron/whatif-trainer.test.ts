import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwinMethod } from '../../core/api/schemas';
import type { TwinEvent } from '../../core/api/types';
import type { TrainerState } from '../../core/scenario/trainer-state';
import { createTwinBackend, type TwinBackend } from '../../electron/services/twin-backend';

let backend: TwinBackend;
let dataDir: string;
const events: TwinEvent[] = [];

async function call<T>(method: TwinMethod, payload: unknown): Promise<T> {
  const r = await backend.invoke(method, payload);
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-whatif-'));
  backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, seed: 3, speed: 1 });
  backend.subscribe((e) => events.push(e));
});

afterAll(async () => {
  await backend.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('what-if over the TwinApi', () => {
  it('forks, runs a plan against "do nothing" and reports KPIs', async () => {
    const fork = await call<{ forkId: string; simTime: number }>('whatifFork', {});
    const r = await call<{
      forkId: string;
      forkTime: number;
      t: number[];
      baseline: { kpis: { energyKWh: number } };
      scenario: { kpis: { energyKWh: number } };
      deltas: { energyKWh: number };
    }>('whatifRun', {
      forkId: fork.forkId,
      horizonS: 1800,
      ensemble: 2,
      plan: { controls: [{ controlId: 'speed_setpoint', atS: 60, to: 40, shape: 'ramp', rampS: 60 }] },
    });
    expect(r.forkTime).toBe(fork.simTime);
    expect(r.t.length).toBeGreaterThan(100);
    expect(r.scenario.kpis.energyKWh).toBeLessThan(r.baseline.kpis.energyKWh);
    expect(r.deltas.energyKWh).toBeLessThan(0);
  });

  it('rejects a setpoint beyond its limit and an unknown fork, naming the field', async () => {
    const bad = await backend.invoke('whatifRun', {
      horizonS: 60,
      plan: { controls: [{ controlId: 'speed_setpoint', atS: 0, to: 70 }] },
    });
    expect(bad.ok ? '' : bad.error).toMatch(/controls\[0\]\.to: 70 Hz is outside the limits/);
    const lost = await backend.invoke('whatifRun', { forkId: 'fork-999', horizonS: 60, plan: {} });
    expect(lost.ok ? '' : lost.error).toMatch(/forkId: no fork "fork-999"/);
  });

  it('applies setpoints to the live simulator and undoes them', async () => {
    const applied = await call<{
      previous: Record<string, number>;
      status: { controls: Record<string, number> };
    }>('whatifApply', {
      controls: { speed_setpoint: 42, valve_setpoint: 65 },
    });
    expect(applied.status.controls.speed_setpoint).toBe(42);
    expect(applied.previous).toEqual({ speed_setpoint: 50, valve_setpoint: 80 });
    const undone = await call<{ status: { controls: Record<string, number> } }>('whatifApply', {
      controls: applied.previous,
    });
    expect(undone.status.controls).toMatchObject({ speed_setpoint: 50, valve_setpoint: 80 });
  });
});

describe('trainer over the TwinApi', () => {
  it('lists the built-in scenarios', async () => {
    const list = await call<{ id: string; faultType: string }[]>('trainerListScenarios', {});
    expect(list.map((s) => s.faultType).sort()).toEqual([
      'bearing_wear',
      'cavitation',
      'cooling_failure',
      'impeller_wear',
      'seal_leak',
      'valve_stiction',
    ]);
  });

  it('plays a scenario step by step, asks its question and scores the answer', async () => {
    await call('trainerCommand', { kind: 'load', scenarioId: 'seal-leak-weekend' });
    let s = await call<TrainerState>('trainerCommand', { kind: 'play' });
    expect(s.caption?.text.en).toMatch(/Saturday/);
    await call('trainerCommand', { kind: 'pause' });
    for (let i = 0; i < 10 && s.status !== 'question'; i++)
      s = await call<TrainerState>('trainerCommand', { kind: 'step' });
    expect(s.status).toBe('question');
    expect(s.camera?.componentId).toBe('seal');
    expect(s.log.some((e) => e.kind === 'alarm' && /Seal leak/i.test(e.text.en))).toBe(true);
    const session = await call<{ sim: { faults: { faultId: string }[]; running: boolean } }>(
      'getSession',
      {},
    );
    expect(session.sim.faults.map((f) => f.faultId)).toEqual(['seal_leak']);
    expect(session.sim.running).toBe(false);
    await expect(call('trainerCommand', { kind: 'play' })).rejects.toThrow(/answer the open question/);
    s = await call<TrainerState>('trainerAnswer', { questionId: 'seal-risk', choice: 0 });
    expect(s.answers[0]?.correct).toBe(true);
    expect(s.score).toBeGreaterThanOrEqual(10);
    expect(events.some((e) => e.type === 'trainer-state')).toBe(true);
    await call('trainerCommand', { kind: 'stop' });
    await call('simCommand', { kind: 'reset' });
  });

  it('opens a scenario file and reports a bad one naming the field', async () => {
    const bad = await call<{ ok: boolean; problems: { path: string }[] }>('trainerOpenScenario', {
      fileName: 'mine.json',
      text: JSON.stringify({
        schemaVersion: 1,
        id: 'x',
        title: 't',
        assetId: 'pump-skid',
        summary: 's',
        seed: 1,
        durationS: 0,
        timeline: [],
      }),
    });
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.path)).toContain('durationS');
  });
});
