import { describeIssues } from '../../core/validation/describe-issues';
import type { InvokeResult } from '../../core/api/twin-api';
import type { TwinMethod } from '../../core/api/schemas';
import type { TwinEvent } from '../../core/api/types';
import { METHOD_ROLES, roleRefusal, type Caller } from '../../core/api/roles';
import path from 'node:path';
import { defaultDataDir } from './data-dir';
import { builtInAssetPath, findAppRoot, readAssetFile } from './asset-files';
import { readModelBeside } from './asset-model';
import { openAuditStore } from './audit/open-audit';
import { summarizeRequest } from './audit/audit-summary';
import { eventForCaller, resultForCaller } from './caller-view';
import type { BackendContext } from './backend-context';
import type { FileAccessPolicy } from './history/file-access';
import { createTwinHandlers } from './handlers';
import { plantClockStart } from './history/plant-clock';
import { RunningAsset, type LiveSourceSetup } from './running-asset';
import {
  applyConnectionOverrides,
  checkOverridesUsed,
  overridesFor,
} from '../../core/asset/connection-overrides';
import { BackgroundAssets } from './handlers/assets';
import { defaultConnectorFactories } from './live/connector-factories';
import { environmentSecrets, type SecretStore } from './live/secrets';
import { validatingSchemas, type TwinHandlers } from './twin-handlers';

export interface TwinBackend {
  /** Calls a method as `caller` (the desktop app's operator by default); a viewer gets operator methods refused. */
  invoke(method: TwinMethod, payload: unknown, caller?: Caller): Promise<InvokeResult>;
  /** Receives every event; session events carry `caller`'s role. */
  subscribe(listener: (e: TwinEvent) => void, caller?: Caller): () => void;
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
  /** Files the API may touch; default 'dialogs' on the desktop, 'exchange-only' in web mode. */
  fileAccess?: FileAccessPolicy;
  versions?: Record<string, string>;
  seed?: number;
  speed?: number;
  /** Wall milliseconds between simulation ticks. */
  tickMs?: number;
  /** Milliseconds before an idle chunked GLB upload is freed (tests shorten it). */
  uploadIdleMs?: number;
  /** `--connection name=url`: live-source addresses that replace the asset file's. */
  connectionOverrides?: Readonly<Record<string, string>>;
  /** Connection passwords: safeStorage on the desktop, environment variables in web mode (the default). */
  secrets?: SecretStore;
  /** Connector per connection kind (tests may pass their own). */
  connectorFactories?: LiveSourceSetup['factories'];
  /** More asset files to run at once, in the background (each its own sources and history); switchAsset shows one. */
  backgroundAssetPaths?: readonly string[];
}

const STATUS_INTERVAL_MS = 500;

/** The desktop app (IPC) and in-process callers. */
const DESKTOP_OPERATOR: Caller = { role: 'operator', client: 'desktop' };

/** Validates the payload with the method's schema and hands the result to the method's handler. */
async function dispatch<K extends TwinMethod>(
  handlers: TwinHandlers,
  method: K,
  payload: unknown,
): Promise<InvokeResult> {
  // The method name comes off the wire: an unknown one has neither schema nor handler.
  if (!Object.hasOwn(validatingSchemas, method))
    return { ok: false, error: `unknown method "${String(method)}"` };
  const parsed = validatingSchemas[method].safeParse(payload ?? {});
  if (!parsed.success)
    return {
      ok: false,
      error: describeIssues(parsed.error, { prefix: `invalid ${method} request`, rootLabel: '(request)' }),
    };
  const handler: TwinHandlers[K] = handlers[method];
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** The backend services, independent of whether Electron or plain Node hosts them. */
export async function createTwinBackend(options: TwinBackendOptions): Promise<TwinBackend> {
  const appRoot = options.appRoot ?? findAppRoot(__dirname);
  const assetPath = options.assetPath ?? builtInAssetPath(appRoot);
  const listeners = new Set<(e: TwinEvent) => void>();
  const emit = (event: TwinEvent) => {
    for (const l of listeners) l(event);
  };
  const overrides = options.connectionOverrides ?? {};
  const backgroundFiles = (options.backgroundAssetPaths ?? []).map((file) => ({
    file,
    asset: readAssetFile(file),
  }));
  const shown = readAssetFile(assetPath);
  checkOverridesUsed(overrides, [shown, ...backgroundFiles.map((b) => b.asset)]);
  const asset = applyConnectionOverrides(shown, overridesFor(shown, overrides));
  const dataDir = options.dataDir ?? defaultDataDir();
  const running = new RunningAsset(
    {
      asset,
      model: readModelBeside(assetPath, asset),
      source: options.assetPath ? assetPath : 'built-in',
      assetDir: path.dirname(assetPath),
      host: options.host,
      versions: options.versions,
      liveSources: {
        dataDir,
        secrets: options.secrets ?? environmentSecrets(),
        factories: options.connectorFactories ?? defaultConnectorFactories,
      },
      plantClockStart: (assetId) => plantClockStart(dataDir, assetId),
      emit,
    },
    options.seed ?? 1,
    options.speed ?? 1,
  );

  let runningBackground: BackgroundAssets | null = null;
  let lastTick = Date.now();
  const tickTimer = setInterval(() => {
    const now = Date.now();
    // Cap catch-up so a stalled event loop does not cause a burst of samples.
    const wallMs = Math.min(now - lastTick, 4 * (options.tickMs ?? 100));
    running.tick(wallMs, now - lastTick);
    runningBackground?.tick(wallMs, now - lastTick);
    lastTick = now;
  }, options.tickMs ?? 100);
  const statusTimer = setInterval(() => {
    emit({ type: 'sim', status: running.status() });
    if (running.mode === 'live') emit({ type: 'connections', snapshot: running.connections() });
  }, STATUS_INTERVAL_MS);

  const disposers: (() => Promise<void> | void)[] = [];
  const subscribe = (listener: (e: TwinEvent) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const context: BackendContext = {
    host: options.host,
    appRoot,
    dataDir,
    fileAccess: options.fileAccess ?? (options.host === 'web' ? 'exchange-only' : 'dialogs'),
    emit,
    subscribe,
    asset: () => running.asset,
    live: () => running.live,
    onDispose: (fn) => disposers.push(fn),
  };

  const audit = await openAuditStore(context.dataDir);
  disposers.push(() => audit.close());
  const background = new BackgroundAssets(running.liveSourceSetup);
  const ids = new Set([asset.id]);
  for (const { file, asset: read } of backgroundFiles) {
    if (ids.has(read.id))
      throw new Error(`${file}: another asset file given defines asset id "${read.id}" too`);
    ids.add(read.id);
    const extra = applyConnectionOverrides(read, overridesFor(read, overrides));
    background.add({
      asset: extra,
      model: readModelBeside(file, extra),
      source: file,
      assetDir: path.dirname(file),
    });
  }
  runningBackground = background;
  disposers.push(() => background.stopAll());
  const handlers = createTwinHandlers(context, running, audit, {
    uploadIdleMs: options.uploadIdleMs,
    background,
  });

  return {
    async invoke(method, payload, caller = DESKTOP_OPERATOR) {
      const known = Object.hasOwn(METHOD_ROLES, method);
      const refusal = known ? roleRefusal(method, caller) : null;
      const result: InvokeResult = refusal
        ? { ok: false, error: refusal }
        : await dispatch(handlers, method, payload);
      if (known && METHOD_ROLES[method] === 'operator')
        audit
          .append({
            t: Date.now(),
            method,
            summary: summarizeRequest(payload),
            role: caller.role,
            client: caller.client ?? 'desktop',
            ok: result.ok,
            error: result.ok ? null : result.error,
          })
          .catch((e: unknown) =>
            console.error(`Twinscape: audit entry for ${method} not written: ${(e as Error).message}`),
          );
      return resultForCaller(method, result, caller);
    },
    subscribe: (listener, caller = DESKTOP_OPERATOR) =>
      subscribe((event) => {
        // Late rows are for the history store; the live view has moved past them.
        if (event.type === 'telemetry' && event.batch.late) return;
        listener(eventForCaller(event, caller));
      }),
    async dispose() {
      clearInterval(tickTimer);
      clearInterval(statusTimer);
      await running.dispose();
      for (const fn of disposers.reverse()) await fn();
      listeners.clear();
    },
  };
}
