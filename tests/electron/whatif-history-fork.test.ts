import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryInfo } from '../../core/api/domains/history';
import type { WhatIfFork, WhatIfRunResult } from '../../core/api/domains/whatif';
import { whatifRequestSchemas } from '../../core/api/domains/whatif';
import type { TelemetryBatch, TwinEvent } from '../../core/api/types';
import type { BackendContext } from '../../electron/services/backend-context';
import { createHistoryHandlers } from '../../electron/services/handlers/history';
import { createWhatIfHandlers } from '../../electron/services/handlers/whatif';
import { LiveSimulation } from '../../electron/services/live-simulation';
import { pumpSkid, tempDir } from './history/helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const round = (v: number | null) => (v !== null && Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);

/** The backend's history and what-if handlers around a real simulator that the test advances by hand. */
function backendAroundLive(dataDir: string) {
  const listeners = new Set<(e: TwinEvent) => void>();
  const disposers: (() => Promise<void> | void)[] = [];
  const emit = (e: TwinEvent) => {
    for (const l of listeners) l(e);
  };
  const live = new LiveSimulation({
    asset,
    seed: 21,
    onTelemetry: (batch) => emit({ type: 'telemetry', batch }),
    onAlarms: (alarms) => emit({ type: 'alarms', snapshot: { alarms } }),
    now: () => 0,
  });
  const ctx: BackendContext = {
    host: 'web',
    appRoot: '.',
    dataDir,
    emit,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    asset: () => asset,
    live: () => live,
    onDispose: (fn) => disposers.push(fn),
  };
  const handlers = {
    ...createHistoryHandlers(ctx, { flushIntervalMs: 50 }),
    ...createWhatIfHandlers(ctx),
  } as Record<string, (req: unknown) => unknown>;
  const call = async <T>(method: keyof typeof handlers, req: unknown): Promise<T> => {
    const schema = (whatifRequestSchemas as Record<string, { parse(x: unknown): unknown }>)[method];
    return (await handlers[method]?.(schema ? schema.parse(req) : req)) as T;
  };
  const run = (seconds: number) => {
    for (let i = 0; i < seconds; i++) live.advance(1000);
  };
  return {
    live,
    ctx,
    call,
    run,
    dispose: async () => {
      for (const fn of disposers.reverse()) await fn();
    },
  };
}

let b: ReturnType<typeof backendAroundLive>;
const dir = tempDir('whatif-history-fork');
beforeAll(async () => {
  b = backendAroundLive(dir);
  await b.call<HistoryInfo>('historyInfo', {});
});
afterAll(async () => {
  await b.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('what-if forked from history', () => {
  it('runs a plan from a past moment exactly as the live run went on from there with the same inputs', async () => {
    b.run(8 * 60);
    b.live.setControl('speed_setpoint', 46);
    b.run(3 * 60 + 17);
    const T = b.live.status().simTime;
    const inputs = { controls: b.live.status().controls, faults: b.live.status().faults };

    // The live run goes on from T with a step at +30 s and a seal leak at +100 s, then 10 more minutes.
    const continued: TelemetryBatch[] = [];
    const stop = b.ctx.subscribe((e) => {
      if (e.type === 'telemetry') continued.push(e.batch);
    });
    for (let k = 0; k < 400; k++) {
      if (k === 30) b.live.setControl('speed_setpoint', 42);
      if (k === 100) b.live.injectFault({ faultId: 'seal_leak', severity: 0.5, growthPerHour: 2 });
      b.run(1);
    }
    stop();
    b.run(10 * 60);

    const fork = await b.call<WhatIfFork>('whatifFork', { at: T + 250 });
    expect(fork).toMatchObject({
      origin: 'history',
      simTime: T,
      controls: inputs.controls,
      faults: inputs.faults,
      history: { requestedAt: T + 250, snapshotTime: T0 + 10 * 60_000, replayedS: 77 },
    });

    const result = await b.call<WhatIfRunResult>('whatifRun', {
      forkId: fork.forkId,
      horizonS: 400,
      maxPoints: 400,
      ensemble: 1,
      rulLookaheadS: 0,
      plan: {
        controls: [{ controlId: 'speed_setpoint', atS: 30, to: 42, shape: 'step' }],
        faults: [{ faultId: 'seal_leak', severity: 0.5, growthPerHour: 2, onsetS: 100 }],
      },
    });
    expect(result.forkTime).toBe(T);
    expect(result.t).toEqual(continued.flatMap((x) => x.t));
    asset.tags.forEach((tag, i) => {
      const liveValues = continued.flatMap((x) => x.values[i] ?? []);
      expect(liveValues, tag.id).toEqual((result.scenario.values[i] ?? []).map(round));
    });
    expect(result.scenario.kpis.firstAlarmTag).toBe('seal_leak_rate');
  });

  it('names the time and the nearest stored state when there is none to fork from', async () => {
    await expect(b.call('whatifFork', { at: T0 - 3_600_000 })).rejects.toThrow(
      'no simulator state stored at 2025-12-31 23:00:00 UTC; the nearest is 2026-01-01 00:00:01 UTC (60 min later)',
    );
    const newest = b.live.status().simTime;
    await expect(b.call('whatifFork', { at: newest + 60_000 })).rejects.toThrow(
      /^at: .* is after the newest stored sample/,
    );
  });

  it('still forks from live without `at`', async () => {
    const fork = await b.call<WhatIfFork>('whatifFork', {});
    expect(fork.origin).toBe('live');
    expect(fork.simTime).toBe(b.live.status().simTime);
    expect(fork.history).toBeUndefined();
  });
});
