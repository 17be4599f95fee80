import type { Alarm, SandboxRun, SimStatus, TwinEvent } from '../../../core/api/types';
import type { AssetDefinition } from '../../../core/asset/schema';
import type { BackendContext } from '../../../electron/services/backend-context';
import type { LiveSimulation } from '../../../electron/services/live-simulation';
import {
  createHistoryHandlers,
  type HistoryHandlerOptions,
} from '../../../electron/services/handlers/history';
import type { FileAccessPolicy } from '../../../electron/services/history/file-access';

/**
 * A backend context driven by the test: events are pushed by hand, the sim clock is a variable. Files are
 * accepted anywhere ('dialogs', the desktop's policy) unless the test asks for web mode's 'exchange-only'.
 */
export function fakeContext(
  asset: AssetDefinition,
  dataDir: string,
  options: { fileAccess?: FileAccessPolicy; store?: HistoryHandlerOptions['store'] } = {},
) {
  const listeners = new Set<(e: TwinEvent) => void>();
  const emitted: TwinEvent[] = [];
  const disposers: (() => Promise<void> | void)[] = [];
  const sim = { time: Date.UTC(2026, 0, 1), alarms: [] as Alarm[], run: null as SandboxRun | null };
  const status = (over: Partial<SimStatus> = {}): SimStatus => ({
    running: true,
    speed: 1,
    achievedSpeed: 1,
    simTime: sim.time,
    seed: 1,
    controls: { speed_setpoint: 80 },
    faults: [],
    run: sim.run,
    ...over,
  });
  const live = {
    status: () => status(),
    alarmSnapshot: () => sim.alarms,
    get run() {
      return sim.run;
    },
  } as unknown as LiveSimulation;
  const ctx: BackendContext = {
    host: 'web',
    appRoot: '.',
    dataDir,
    fileAccess: options.fileAccess ?? 'dialogs',
    emit: (e) => {
      emitted.push(e);
      for (const l of listeners) l(e);
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    asset: () => asset,
    live: () => live,
    onDispose: (fn) => disposers.push(fn),
  };
  const handlers = createHistoryHandlers(ctx, {
    flushIntervalMs: 20,
    ...(options.store ? { store: options.store } : {}),
  });
  const call = <T>(method: string, req: unknown = {}): Promise<T> =>
    Promise.resolve((handlers as Record<string, (r: unknown) => unknown>)[method]?.(req)) as Promise<T>;
  return {
    ctx,
    sim,
    status,
    emitted,
    handlers,
    call,
    dispose: async () => {
      for (const fn of disposers.reverse()) await fn();
    },
  };
}
