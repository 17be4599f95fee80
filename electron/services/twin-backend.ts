import type { InvokeResult } from '../../core/api/twin-api';
import { requestSchemas, type TwinMethod } from '../../core/api/schemas';
import type { SessionInfo, SimStatus, TwinEvent } from '../../core/api/types';
import { parseAssetJson } from '../../core/asset/parse';
import type { AssetDefinition } from '../../core/asset/schema';
import os from 'node:os';
import path from 'node:path';
import { builtInAssetPath, findAppRoot, readAssetFile } from './asset-files';
import { modelFromRequest, readModelBeside, type AssetModelBytes } from './asset-model';
import type { BackendContext, Handler } from './backend-context';
import { createFleetHandlers } from './handlers/fleet';
import { createHistoryHandlers } from './handlers/history';
import { createModels3dHandlers } from './handlers/models3d';
import { createTrainerHandlers } from './handlers/trainer';
import { createWhatIfHandlers } from './handlers/whatif';
import { LiveSimulation } from './live-simulation';

export interface TwinBackend {
  invoke(method: TwinMethod, payload: unknown): Promise<InvokeResult>;
  subscribe(listener: (e: TwinEvent) => void): () => void;
  dispose(): Promise<void>;
}

export interface TwinBackendOptions {
  host: 'electron' | 'web';
  /** Asset definition to start with; the built-in pump skid by default. */
  assetPath?: string;
  /** Folder holding assets/ (found from the bundle location by default). */
  appRoot?: string;
  /** Writable per-user folder; TWINSCAPE_DATA_DIR or ~/.twinscape by default (Electron passes userData). */
  dataDir?: string;
  versions?: Record<string, string>;
  seed?: number;
  speed?: number;
  /** Wall milliseconds between simulation ticks. */
  tickMs?: number;
}

const STATUS_INTERVAL_MS = 500;

/** The backend services, independent of whether Electron or plain Node hosts them. */
export async function createTwinBackend(options: TwinBackendOptions): Promise<TwinBackend> {
  const appRoot = options.appRoot ?? findAppRoot(__dirname);
  const assetPath = options.assetPath ?? builtInAssetPath(appRoot);
  const listeners = new Set<(e: TwinEvent) => void>();
  const emit = (event: TwinEvent) => {
    for (const l of listeners) l(event);
  };
  let assetSource = options.assetPath ? assetPath : 'built-in';
  let live: LiveSimulation | null = null;
  let asset: AssetDefinition = readAssetFile(assetPath);
  let assetModel: AssetModelBytes | null = readModelBeside(assetPath, asset);

  const startSource = (def: AssetDefinition, seed: number, speed: number) => {
    live =
      def.simulator === 'pump-skid'
        ? new LiveSimulation({
            asset: def,
            seed,
            speed,
            onTelemetry: (batch) => emit({ type: 'telemetry', batch }),
            onAlarms: (alarms) => emit({ type: 'alarms', snapshot: { alarms } }),
          })
        : null;
  };
  startSource(asset, options.seed ?? 1, options.speed ?? 1);

  const idleStatus = (): SimStatus => ({
    running: false,
    speed: 1,
    achievedSpeed: 0,
    simTime: Date.now(),
    seed: 0,
    controls: {},
    faults: [],
  });
  const status = () => live?.status() ?? idleStatus();
  const session = (): SessionInfo => ({
    asset,
    assetSource,
    source: live ? `Pump-skid simulator (seed ${live.status().seed})` : 'No data source for this asset',
    host: options.host,
    versions: { twinscape: '0.1.0', node: process.versions.node, ...options.versions },
    sim: status(),
    alarms: live?.alarmSnapshot() ?? [],
  });
  const requireLive = (): LiveSimulation => {
    if (!live) throw new Error(`asset "${asset.id}" has no simulator to control`);
    return live;
  };

  let lastTick = Date.now();
  const tickTimer = setInterval(() => {
    const now = Date.now();
    // Cap catch-up so a stalled event loop does not cause a burst of samples.
    live?.advance(Math.min(now - lastTick, 4 * (options.tickMs ?? 100)), now - lastTick);
    lastTick = now;
  }, options.tickMs ?? 100);
  const statusTimer = setInterval(() => emit({ type: 'sim', status: status() }), STATUS_INTERVAL_MS);

  const disposers: (() => Promise<void> | void)[] = [];
  const context: BackendContext = {
    host: options.host,
    appRoot,
    dataDir: options.dataDir ?? process.env.TWINSCAPE_DATA_DIR ?? path.join(os.homedir(), '.twinscape'),
    emit,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    asset: () => asset,
    live: () => live,
    onDispose: (fn) => disposers.push(fn),
  };

  const coreHandlers: Record<string, Handler> = {
    getSession: () => session(),
    setControl: (req: { controlId: string; value: number }) => {
      requireLive().setControl(req.controlId, req.value);
      return status();
    },
    simCommand: (req: { kind: 'run' | 'pause' | 'reset' | 'speed'; seed?: number; speed?: number }) => {
      const sim = requireLive();
      if (req.kind === 'run') sim.running = true;
      else if (req.kind === 'pause') sim.running = false;
      else if (req.kind === 'speed' && req.speed !== undefined) sim.speed = req.speed;
      else if (req.kind === 'reset') sim.reset(req.seed);
      const s = status();
      emit({ type: 'sim', status: s });
      return s;
    },
    injectFault: (req: { faultId: string; severity: number; growthPerHour: number; targetTag?: string }) => {
      requireLive().injectFault(req);
      return status();
    },
    clearFault: (req: { instanceId: string }) => {
      requireLive().clearFault(req.instanceId);
      return status();
    },
    alarmCommand: (req: { alarmId: string; action: 'ack' | 'shelve' | 'unshelve'; minutes?: number }) => {
      const alarms = requireLive().alarmCommand(req.alarmId, req.action, req.minutes);
      emit({ type: 'alarms', snapshot: { alarms } });
      return { alarms };
    },
    loadAsset: (req: { fileName: string; text: string; modelBase64?: string }) => {
      const parsed = parseAssetJson(req.text, req.fileName);
      if (!parsed.ok) return { ok: false, fileName: req.fileName, problems: parsed.problems };
      const model = modelFromRequest(parsed.asset, req.modelBase64);
      if (!model.ok) return { ok: false, fileName: req.fileName, problems: model.problems };
      const previous = live?.status();
      asset = parsed.asset;
      assetModel = model.model;
      assetSource = req.fileName;
      startSource(asset, previous?.seed ?? 1, previous?.speed ?? 1);
      const s = session();
      emit({ type: 'session', session: s });
      return { ok: true, session: s };
    },
  };
  const handlers = {
    ...coreHandlers,
    ...createHistoryHandlers(context),
    ...createWhatIfHandlers(context),
    ...createTrainerHandlers(context),
    ...createFleetHandlers(context),
    ...createModels3dHandlers(context, () => assetModel),
  } as Record<TwinMethod, Handler>;

  return {
    async invoke(method, payload) {
      const schema = requestSchemas[method];
      const handler = handlers[method] as ((req: unknown) => unknown) | undefined;
      if (!schema || !handler) return { ok: false, error: `unknown method "${String(method)}"` };
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        const detail = parsed.error.issues
          .map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`)
          .join('; ');
        return { ok: false, error: `invalid ${method} request: ${detail}` };
      }
      try {
        return { ok: true, value: await handler(parsed.data) };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      clearInterval(tickTimer);
      clearInterval(statusTimer);
      for (const fn of disposers.reverse()) await fn();
      listeners.clear();
    },
  };
}
