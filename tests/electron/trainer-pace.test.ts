import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwinMethod } from '../../core/api/schemas';
import type { SessionInfo } from '../../core/api/types';
import type { TrainerState } from '../../core/scenario/trainer-state';
import { createTwinBackend, type TwinBackend } from '../../electron/services/twin-backend';

const SCENARIO_START = Date.UTC(2026, 0, 1);
let backend: TwinBackend;
let dataDir: string;

async function call<T>(method: TwinMethod, payload: unknown = {}): Promise<T> {
  const r = await backend.invoke(method, payload);
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
}
const sim = async () => (await call<SessionInfo>('getSession')).sim;
const trainer = (kind: string) => call<TrainerState>('trainerCommand', { kind });
const ack = (s: TrainerState) => s.actions.find((a) => a.id === 'ack-suction');

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-trainer-pace-'));
  backend = await createTwinBackend({ host: 'web', appRoot: process.cwd(), dataDir, seed: 3, speed: 10 });
});

afterAll(async () => {
  await backend.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('trainer timing', () => {
  it('Restart sets the scenario up at its start and waits for Play', async () => {
    await call('trainerCommand', { kind: 'load', scenarioId: 'cavitation-low-suction-tank' });
    await trainer('play');
    await new Promise((r) => setTimeout(r, 300));
    expect((await sim()).simTime).toBeGreaterThan(SCENARIO_START);
    const restarted = await trainer('restart');
    expect(restarted).toMatchObject({ status: 'ready', elapsedS: 0, startedAt: SCENARIO_START });
    const held = await sim();
    expect(held).toMatchObject({ running: false, speed: 60, simTime: SCENARIO_START });
    await new Promise((r) => setTimeout(r, 300));
    expect((await sim()).simTime).toBe(SCENARIO_START);
    expect((await trainer('play')).status).toBe('playing');
    expect((await sim()).running).toBe(true);
    await trainer('stop');
  });

  it('Step stops at the alarm, then at the end of its window, and slows to real time inside it', async () => {
    await call('trainerCommand', { kind: 'load', scenarioId: 'cavitation-low-suction-tank' });
    let s = await trainer('step');
    const stops = [s.elapsedS];
    while (!s.actionWindow && s.status !== 'finished' && stops.length < 20) {
      s = await trainer('step');
      stops.push(s.elapsedS);
    }
    // Stopped where the suction alarm started the acknowledgement's clock: the action is open, not missed.
    expect(s.log.at(-1)).toMatchObject({
      kind: 'alarm',
      text: { en: expect.stringMatching(/suction/i) as string },
    });
    expect(s.actionWindow).toMatchObject({ actionId: 'ack-suction', untilS: s.elapsedS + 120 });
    expect(ack(s)?.status).toBe('pending');
    expect(stops).toContain(300);
    expect((await sim()).speed).toBe(1);

    // Later steps stop at the events inside the window and at its end, with the action still open there.
    const until = s.actionWindow?.untilS ?? Number.NaN;
    while (s.elapsedS < until) {
      s = await trainer('step');
      expect(s.elapsedS).toBeLessThanOrEqual(until);
      expect(ack(s)?.status).toBe('pending');
    }
    s = await trainer('step');
    expect(ack(s)).toMatchObject({ status: 'missed', note: { en: 'not acknowledged in time' } });
    await trainer('stop');
  });

  it('a paused scenario says it holds the simulator; leaving it gives the plant back', async () => {
    await call('simCommand', { kind: 'run' });
    const plant = await sim();
    await call('trainerCommand', { kind: 'load', scenarioId: 'seal-leak-weekend' });
    await trainer('play');
    await call('simCommand', { kind: 'pause' });
    expect((await call<TrainerState>('trainerState')).status).toBe('paused');
    await expect(call('simCommand', { kind: 'run' })).rejects.toThrow(
      /training scenario "Weekend seal leak: the leak pot fills" holds the simulator.*leave it to run the plant/,
    );
    expect((await sim()).running).toBe(false);
    await trainer('stop');
    const back = await sim();
    expect(back.run).toBeNull();
    expect(back.simTime).toBeGreaterThanOrEqual(plant.simTime);
    await call('simCommand', { kind: 'run' });
    expect((await sim()).running).toBe(true);
  });
});
