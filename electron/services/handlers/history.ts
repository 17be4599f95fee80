import type { historyRequestSchemas } from '../../../core/api/domains/history';
import type { BackendContext } from '../backend-context';
import { alarmsAt } from '../history/queries/alarms-at';
import { toEventItem } from '../history/queries/event-items';
import { exportRange } from '../history/queries/export-range';
import { previewImport } from '../history/import/import-preview';
import { ImportJobs } from '../history/import/import-jobs';
import { readGrid } from '../history/queries/model-grid';
import { FileAccess } from '../history/file-access';
import type { HistoryServiceOptions } from '../history/service';
import { HistoryWorkspace } from '../history/runs/history-workspace';
import type { historyRunsRequestSchemas } from '../../../core/api/domains/history-runs';
import { createHistoryRunHandlers } from './history-runs';
import type { TwinHandlers } from '../twin-handlers';

export type HistoryHandlers = Pick<
  TwinHandlers,
  keyof typeof historyRequestSchemas | keyof typeof historyRunsRequestSchemas
>;

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const plain = (a: ArrayLike<number>): (number | null)[] => Array.from(a, orNull);

export interface HistoryHandlerOptions {
  flushIntervalMs?: number;
  /** Store options for a failing disk (tests). */
  store?: HistoryServiceOptions['store'];
}

/**
 * Handlers of the history methods, and the recording behind them: the plant's store per workspace asset at
 * <dataDir>/history/<asset id>.duckdb and one store per sandbox run (history/runs/), fed from every backend
 * event and reopened when the asset changes. Reads go to the history shown (the plant's or a run's).
 */
export function createHistoryHandlers(
  ctx: BackendContext,
  options: HistoryHandlerOptions = {},
): HistoryHandlers {
  const files = new FileAccess(ctx.fileAccess ?? 'exchange-only', ctx.dataDir);
  files.ensureExchangeFolder();
  const workspace = new HistoryWorkspace({
    ctx,
    exchangeDir: files.confinedTo,
    ...(options.store ? { store: options.store } : {}),
    ...(options.flushIntervalMs !== undefined ? { flushIntervalMs: options.flushIntervalMs } : {}),
  });
  const imports = new ImportJobs((e) => ctx.emit(e));
  const unsubscribe = ctx.subscribe((event) => workspace.handle(event));
  ctx.onDispose(async () => {
    unsubscribe();
    imports.cancelAll();
    await workspace.close();
  });

  const store = async () => (await workspace.shown()).require();

  return {
    historyInfo: async () => (await workspace.shown()).info(),
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
    setRetention: async (req) => (await workspace.plantService()).setRetention(req.rawDays),
    historyGrid: async (req) => readGrid(await store(), req),
    previewImport: async (req) => previewImport(await store(), files.readable(req.path)),
    importHistory: async (req) => {
      const path = files.readable(req.path);
      const opening = store();
      const report = await imports.run(opening, { ...req, path });
      const range = await (await opening).timeRange();
      (await workspace.shown()).range = range;
      // Timelines learn the new span now, not at the next live commit (an asset with no live data has none).
      if (range) ctx.emit({ type: 'history-range', assetId: ctx.asset().id, ...range, newEvents: 0 });
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
        ...(req.language ? { language: req.language } : {}),
      });
      return { path: r.file, rows: r.rows };
    },
    ...createHistoryRunHandlers(workspace),
  };
}
