import { randomUUID } from 'node:crypto';
import type { HistoryEvent, ImportHistoryRequest, ImportReport } from '../../../../core/api/domains/history';
import type { HistoryStore } from '../store/history-store';
import { importFile } from './import-file';
import type { ImportProgress } from './import-source';
import { throttleProgress, type ThrottleClock } from './progress-throttle';

/** Progress events per import: at most this many a second (plus one per phase change). */
export const PROGRESS_EVENTS_PER_S = 10;

interface RunningImport {
  controller: AbortController;
  /** False once the merge is committing. */
  cancellable: boolean;
}

/**
 * Imports the handlers run: each has an id (the caller's, or a new one), pushes throttled
 * `history-import-progress` events, and can be cancelled until its merge commits.
 */
export class ImportJobs {
  private readonly running = new Map<string, RunningImport>();

  constructor(
    private readonly emit: (e: Extract<HistoryEvent, { type: 'history-import-progress' }>) => void,
    private readonly clock?: ThrottleClock,
  ) {}

  /**
   * Registers the import before anything is awaited, so a cancel sent right after the request (while the
   * store is still opening) finds it.
   */
  async run(store: HistoryStore | Promise<HistoryStore>, req: ImportHistoryRequest): Promise<ImportReport> {
    const importId = req.importId ?? randomUUID();
    if (this.running.has(importId)) throw new Error(`An import with id "${importId}" is already running.`);
    const job: RunningImport = { controller: new AbortController(), cancellable: true };
    this.running.set(importId, job);
    const report = throttleProgress<ImportProgress>(
      (p) =>
        this.emit({
          type: 'history-import-progress',
          importId,
          phase: p.phase,
          fraction: p.fraction,
          rows: p.rows ?? null,
          cancellable: p.cancellable ?? false,
        }),
      (p) => p.phase,
      1000 / PROGRESS_EVENTS_PER_S,
      this.clock,
    );
    try {
      return await importFile(await store, req.path, {
        timestampColumn: req.timestampColumn,
        timestampFormat: req.timestampFormat,
        columns: req.columns,
        ...(req.format ? { format: req.format } : {}),
        ...(req.delimiter ? { delimiter: req.delimiter } : {}),
        signal: job.controller.signal,
        onProgress: (p) => {
          job.cancellable = p.cancellable === true;
          report(p);
        },
      });
    } finally {
      report.flush();
      this.running.delete(importId);
    }
  }

  /** Cancels a running import unless it is unknown or already committing. */
  cancel(importId: string): { cancelled: boolean; reason?: string } {
    const job = this.running.get(importId);
    if (!job) return { cancelled: false, reason: `no import "${importId}" is running` };
    if (!job.cancellable) return { cancelled: false, reason: 'the import is already being committed' };
    job.controller.abort();
    return { cancelled: true };
  }

  /** Cancels every running import (the store is closing). */
  cancelAll(): void {
    for (const id of this.running.keys()) this.cancel(id);
  }
}
