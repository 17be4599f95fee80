import type { AssetDefinition } from '../../../../core/asset/schema';
import type { BackendContext } from '../../backend-context';
import { HistoryService, type HistoryServiceOptions } from '../service';
import { QueuedService } from './queued-service';
import { readRun, runStorePath, writeManifest, type RunManifest } from './run-files';

/** A run's store, open for recording (the run playing) or for reading (a run the user opened). */
export interface OpenRun {
  assetId: string;
  id: string;
  title: string;
  path: string;
  queued: QueuedService;
}

export interface WorkspaceStoreOptions {
  ctx: BackendContext;
  exchangeDir: string | null;
  flushIntervalMs?: number;
  store?: HistoryServiceOptions['store'];
  /** Whether the history of this run (null: the plant) is the one shown: only that one moves the timeline. */
  isShown(runId: string | null): boolean;
}

function historyService(
  options: WorkspaceStoreOptions,
  simTime: () => number | null,
  runId: string | null,
): HistoryService {
  const { ctx, exchangeDir, flushIntervalMs, store } = options;
  return new HistoryService({
    dataDir: ctx.dataDir,
    exchangeDir,
    simTime,
    ...(flushIntervalMs !== undefined ? { flushIntervalMs } : {}),
    ...(store ? { store } : {}),
    emit: (e) => {
      if (e.type !== 'history-range' || options.isShown(runId)) ctx.emit(e);
    },
  });
}

/** Opens the plant's store of `asset` once `previous` (another asset's) is closed. */
export function openPlantStore(
  options: WorkspaceStoreOptions,
  asset: AssetDefinition,
  previous: QueuedService | null,
): QueuedService {
  const plantLive = () => {
    const live = options.ctx.live();
    return live && !live.run ? live : null;
  };
  return new QueuedService(
    historyService(options, () => plantLive()?.status().simTime ?? null, null),
    async (s) => {
      await previous?.close();
      await s.open(asset);
    },
    (s) => s.recorder?.seed(plantLive()?.status() ?? null, plantLive()?.alarmSnapshot() ?? []),
  );
}

/**
 * Opens (or creates) a run's store once `after` (closing it elsewhere) is done, and writes its manifest;
 * `readFrom`: folders DuckDB may read (imports).
 */
export function openRunStore(
  options: WorkspaceStoreOptions,
  asset: AssetDefinition,
  manifest: RunManifest,
  { readFrom = [], after = Promise.resolve() }: { readFrom?: string[]; after?: Promise<void> } = {},
): OpenRun {
  const path = runStorePath(options.ctx.dataDir, asset.id, manifest.id);
  writeManifest(path, manifest);
  const simTime = () => {
    const live = options.ctx.live();
    return live?.run?.id === manifest.id ? live.status().simTime : null;
  };
  const queued = new QueuedService(historyService(options, simTime, manifest.id), async (s) => {
    await after;
    await s.open(asset, { path, readFrom });
  });
  return { assetId: asset.id, id: manifest.id, title: manifest.title, path, queued };
}

/** Notes a run's stored span and sample count in its manifest, for the list. */
export async function saveRunSpan(run: OpenRun, dataDir: string): Promise<void> {
  await run.queued.ready;
  await run.queued.service.store?.flush();
  const info = await run.queued.service.info();
  const manifest = readRun(dataDir, run.assetId, run.id);
  if (manifest)
    writeManifest(run.path, { ...manifest, from: info.from, to: info.to, samples: info.sampleCount });
}
