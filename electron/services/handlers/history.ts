import type { historyRequestSchemas } from '../../../core/api/domains/history';
import type { TwinEvent } from '../../../core/api/types';
import type { AssetDefinition } from '../../../core/asset/schema';
import type { BackendContext } from '../backend-context';
import { alarmsAt } from '../history/queries/alarms-at';
import { toEventItem } from '../history/queries/event-items';
import { exportRange } from '../history/queries/export-range';
import { previewImport } from '../history/import/import-preview';
import { ImportJobs } from '../history/import/import-jobs';
import { readGrid } from '../history/queries/model-grid';
import { FileAccess } from '../history/file-access';
import { HistoryService, type HistoryServiceOptions } from '../history/service';
import type { TwinHandlers } from '../twin-handlers';

export type HistoryHandlers = Pick<TwinHandlers, keyof typeof historyRequestSchemas>;

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const plain = (a: ArrayLike<number>): (number | null)[] => Array.from(a, orNull);

export interface HistoryHandlerOptions {
  flushIntervalMs?: number;
  /** Store options for a failing disk (tests). */
  store?: HistoryServiceOptions['store'];
}

/**
 * Handlers of the history methods, and the recording behind them: one store per workspace asset at
 * <dataDir>/history/<asset id>.duckdb, fed from every backend event, reopened when the asset changes.
 */
export function createHistoryHandlers(
  ctx: BackendContext,
  options: HistoryHandlerOptions = {},
): HistoryHandlers {
  const files = new FileAccess(ctx.fileAccess ?? 'exchange-only', ctx.dataDir);
  files.ensureExchangeFolder();
  const service = new HistoryService({
    dataDir: ctx.dataDir,
    exchangeDir: files.confinedTo,
    ...(options.store ? { store: options.store } : {}),
    emit: (e) => ctx.emit(e),
    simTime: () => ctx.live()?.status().simTime ?? null,
    ...(options.flushIntervalMs !== undefined ? { flushIntervalMs: options.flushIntervalMs } : {}),
  });
  const imports = new ImportJobs((e) => ctx.emit(e));
  let asset: AssetDefinition = ctx.asset();
  // Events that arrive while a store is opening are kept and recorded once it is open.
  let waiting: TwinEvent[] | null = [];
  let ready: Promise<void> = Promise.resolve();

  const openFor = (def: AssetDefinition) => {
    waiting = [];
    ready = ready
      .catch(() => undefined)
      .then(() => service.close())
      .then(() => service.open(def))
      .then(() => {
        const live = ctx.live();
        service.recorder?.seed(live?.status() ?? null, live?.alarmSnapshot() ?? []);
        const queued = waiting ?? [];
        waiting = null;
        for (const e of queued) service.handle(e);
      })
      .catch((e: unknown) => {
        waiting = null;
        ctx.emit({ type: 'notice', level: 'error', message: `History: ${(e as Error).message}` });
      });
  };

  const unsubscribe = ctx.subscribe((event) => {
    if (event.type === 'session' && event.session.asset !== asset) {
      asset = event.session.asset;
      openFor(asset);
      return;
    }
    if (waiting) {
      if (event.type === 'telemetry' || event.type === 'alarms' || event.type === 'sim') waiting.push(event);
    } else service.handle(event);
  });
  openFor(asset);
  ctx.onDispose(async () => {
    unsubscribe();
    imports.cancelAll();
    await ready.catch(() => undefined);
    await service.close();
  });

  const store = async () => {
    await ready;
    return service.require();
  };

  return {
    historyInfo: async () => {
      await ready;
      return service.info();
    },
    historyWindow: async (req) => {
      const s = await store();
      const w = await s.queryWindow({
        from: req.from,
        to: req.to,
        buckets: req.buckets,
        ...(req.tagIds ? { tagIds: req.tagIds } : {}),
      });
      return {
        from: w.from,
        to: w.to,
        bucketMs: w.bucketMs,
        t: Array.from(w.t),
        series: w.series.map((x) => ({
          tagId: x.tagId,
          min: plain(x.min),
          max: plain(x.max),
          first: plain(x.first),
          last: plain(x.last),
          quality: Array.from(x.quality),
        })),
      };
    },
    historyAt: async (req) => {
      const s = await store();
      const [state, alarms] = await Promise.all([s.valuesAt(req.t), alarmsAt(s, req.t)]);
      const times = Array.from(state.sampleTs).filter(Number.isFinite);
      return {
        t: state.ts,
        values: plain(state.values),
        quality: Array.from(state.quality),
        sampleTime: times.length > 0 ? Math.max(...times) : null,
        alarms,
      };
    },
    historyEvents: async (req) => {
      const s = await store();
      const rows = await s.events(req.from, req.to, { limit: req.limit ?? 5000 });
      return rows.map((e) => toEventItem(s.asset, e));
    },
    historyNextEvent: async (req) => {
      const s = await store();
      const e = await s.nextEvent(req.t, req.direction);
      return e ? toEventItem(s.asset, e) : null;
    },
    addBookmark: async (req) => {
      const s = await store();
      s.appendEvent({ ts: req.t, kind: 'bookmark', payload: { note: req.note } });
      await s.flush();
      return toEventItem(s.asset, { ts: req.t, kind: 'bookmark', payload: { note: req.note } });
    },
    setRetention: async (req) => {
      await ready;
      return service.setRetention(req.rawDays);
    },
    historyGrid: async (req) => readGrid(await store(), req),
    previewImport: async (req) => previewImport(await store(), files.readable(req.path)),
    importHistory: async (req) => {
      const path = files.readable(req.path);
      const opening = store();
      const report = await imports.run(opening, { ...req, path });
      service.range = await (await opening).timeRange();
      return report;
    },
    cancelImport: async (req) => imports.cancel(req.importId),
    exportHistory: async (req) => {
      const path = files.writable(req.path);
      const s = await store();
      await s.flush();
      const r = await exportRange(s, path, {
        from: req.from,
        to: req.to,
        ...(req.tagIds ? { tagIds: req.tagIds } : {}),
        ...(req.format ? { format: req.format } : {}),
        ...(req.includeQuality !== undefined ? { includeQuality: req.includeQuality } : {}),
        ...(req.overwrite !== undefined ? { overwrite: req.overwrite } : {}),
      });
      return { path: r.file, rows: r.rows };
    },
  };
}
