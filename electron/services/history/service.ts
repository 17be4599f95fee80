import nodePath from 'node:path';
import type {
  HistoryEvent as HistoryPush,
  HistoryInfo,
  HistoryProblem,
} from '../../../core/api/domains/history';
import type { TwinEvent } from '../../../core/api/types';
import type { AssetDefinition } from '../../../core/asset/schema';
import { said, type Phrase } from '../../../core/text/phrase';
import type { PhraseCode } from '../../../core/text/phrase-codes';
import { HistoryStore } from './store/history-store';
import type { CommitInfo, HistoryStoreOptions } from './store/store-types';
import { NOT_RECORDING, recordingNotice } from './recording-notice';
import { HistoryLockedError } from './store/integrity';
import { HistoryRecorder } from './recorder';
import { SnapshotLog } from './snapshots/snapshots';
import { savedRetentionDays, saveRetentionDays } from './retention-setting';

export const RETENTION_DAYS = 90;
const RETENTION_EVERY_MS = 3_600_000;

/** A notice's English words and phrase for a failure: `lead`, a colon and the error's own words. */
const failed = (code: PhraseCode, lead: string, error: Error): [string, Phrase] => [
  `${lead}: ${error.message}`,
  { code, params: { detail: error.message } },
];

export interface HistoryServiceOptions {
  dataDir: string;
  emit(event: TwinEvent): void;
  /** Simulated time now, or null without a running source. */
  simTime(): number | null;
  flushIntervalMs?: number;
  retentionDays?: number;
  /** The folder imports and exports are confined to (web mode), shown by the dialog; null for any path. */
  exchangeDir?: string | null;
  /** Store options for a failing disk: the pending-sample bound and a commit that fails (tests). */
  store?: Pick<HistoryStoreOptions, 'maxPendingSamples' | 'beforeCommit'>;
}

/** The database file of an asset's history inside the per-user data folder. */
export const storePath = (dataDir: string, assetId: string): string =>
  nodePath.join(dataDir, 'history', `${assetId}.duckdb`);

/** Services with an open store, by store path: other domains (what-if forks) reach an asset's history here. */
const openServices = new Map<string, HistoryService>();

/** The service whose store at `path` is open in this process, if any. */
export const historyServiceAt = (path: string): HistoryService | undefined =>
  openServices.get(nodePath.resolve(path));

/** One open store per workspace asset, with its recorder, start-up problems and the stored span. */
export class HistoryService {
  store: HistoryStore | null = null;
  recorder: HistoryRecorder | null = null;
  /** Simulator states for forks from the past, committed beside the samples. */
  snapshots: SnapshotLog | null = null;
  problems: HistoryProblem[] = [];
  path: string | null = null;
  range: { from: number; to: number } | null = null;
  private retentionTimer: NodeJS.Timeout | null = null;
  /** One notice per open about samples left out for a clock behind the stored history. */
  private staleReported = false;
  private retention: number;

  constructor(private readonly options: HistoryServiceOptions) {
    this.retention = options.retentionDays ?? savedRetentionDays(options.dataDir) ?? RETENTION_DAYS;
  }

  get retentionDays(): number {
    return this.retention;
  }

  /** Saves a new raw-retention period (kept across restarts) and applies it to the open store now. */
  async setRetention(rawDays: number): Promise<{ retentionDays: number; deletedRows: number }> {
    saveRetentionDays(this.options.dataDir, rawDays);
    this.retention = rawDays;
    const store = this.store && !this.store.isClosed ? this.store : null;
    const result = store ? await store.applyRetention({ rawDays }) : null;
    await this.refreshRange();
    return { retentionDays: rawDays, deletedRows: result?.deletedRows ?? 0 };
  }

  /**
   * Opens the asset's store (or, with `at`, a run's store); on failure reports why and leaves history off
   * (the app keeps running). `at.readFrom` are folders DuckDB may read besides the exchange folder.
   */
  async open(asset: AssetDefinition, at?: { path: string; readFrom?: string[] }): Promise<void> {
    const path = at?.path ?? storePath(this.options.dataDir, asset.id);
    const allowed = [
      ...(this.options.exchangeDir ? [this.options.exchangeDir] : []),
      ...(at?.readFrom ?? []),
    ];
    this.path = path;
    this.problems = [];
    this.staleReported = false;
    try {
      const store = await HistoryStore.open({
        path,
        asset,
        flushIntervalMs: this.options.flushIntervalMs ?? 1000,
        ...this.options.store,
        ...(allowed.length > 0 ? { allowedDirectories: allowed } : {}),
        onCommit: (info) => this.onCommit(asset.id, info),
        // A failing commit pauses recording (one notice, below); other failures are reported as they come.
        onError: (e) => {
          if (this.store?.recording.pausedReason == null)
            this.notice(
              'warning',
              ...failed('historyNotSaved', 'History could not save the last second of data', e),
            );
        },
        onRecordingChange: (state) => {
          const { level, message, phrase } = recordingNotice(state);
          this.notice(level, message, phrase);
        },
      });
      this.store = store;
      this.problems = store.problems.map((p) => ({
        kind: p.kind,
        message: p.message,
        phrase: p.phrase,
        ...(p.movedTo ? { movedTo: p.movedTo } : {}),
      }));
      for (const p of this.problems) this.notice('warning', p.message, p.phrase);
      this.range = await store.timeRange();
      this.recorder = new HistoryRecorder(store, this.range?.to ?? null, {
        simTime: this.options.simTime,
        onStale: ({ rows, newestStored }) => {
          if (this.staleReported) return;
          this.staleReported = true;
          const newest = new Date(newestStored).toISOString();
          this.notice(
            'warning',
            `History keeps what it stored: ${rows} samples from a clock behind the newest stored sample` +
              ` (${newest}) were not stored.`,
            { code: 'historyStaleClock', params: { rows, newest } },
          );
        },
      });
      this.snapshots = await SnapshotLog.open(store, {
        flushIntervalMs: this.options.flushIntervalMs ?? 1000,
        onError: (e) => {
          if (store.recording.pausedReason === null)
            this.notice(
              'warning',
              ...failed('historySnapshotNotSaved', 'History could not save a simulator state', e),
            );
        },
      });
      openServices.set(nodePath.resolve(path), this);
      await this.retain();
      this.retentionTimer = setInterval(() => void this.retain(), RETENTION_EVERY_MS);
      this.retentionTimer.unref();
    } catch (e) {
      this.store = null;
      this.recorder = null;
      const detail = (e as Error).message;
      const message = `History is off for this session: ${detail} Twinscape keeps running without recording or replay.`;
      this.problems.push(
        e instanceof HistoryLockedError
          ? { kind: 'locked', ...said('historyLocked', { path: e.path, detail: e.detail }, message) }
          : { kind: 'open-failed', ...said('historyOff', { detail }, message) },
      );
      this.notice('error', message, this.problems.at(-1)?.phrase);
    }
  }

  async close(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = null;
    const store = this.store;
    this.store = null;
    if (this.path && openServices.get(nodePath.resolve(this.path)) === this)
      openServices.delete(nodePath.resolve(this.path));
    const snapshots = this.snapshots;
    this.snapshots = null;
    if (store && !store.isClosed) {
      const now = this.options.simTime() ?? this.range?.to;
      if (now != null) this.recorder?.closeStandingAlarms(now);
      await snapshots
        ?.close()
        .catch((e: unknown) =>
          this.notice(
            'warning',
            ...failed(
              'historySnapshotsNotSaved',
              'History could not save the last simulator states',
              e as Error,
            ),
          ),
        );
      await store.close();
    }
    this.recorder = null;
  }

  handle(event: TwinEvent): void {
    this.recorder?.handle(event);
  }

  /** The open store, or an error saying why history is off. */
  require(): HistoryStore {
    if (this.store && !this.store.isClosed) return this.store;
    throw new Error(
      this.problems.find((p) => p.kind === 'locked' || p.kind === 'open-failed')?.message ??
        'History is not available: the store is not open.',
    );
  }

  async info(): Promise<HistoryInfo> {
    const store = this.store && !this.store.isClosed ? this.store : null;
    // Count first: a commit landing between the two reads then shows in the span, never the reverse.
    const sampleCount = store ? await store.sampleCount() : 0;
    if (store) this.range = await store.timeRange();
    return {
      available: store !== null,
      path: this.path,
      from: this.range?.from ?? null,
      to: this.range?.to ?? null,
      bytes: store?.diskUsage().bytes ?? 0,
      sampleCount,
      problems: this.problems,
      retentionDays: this.retentionDays,
      exchangeDir: this.options.exchangeDir ?? null,
      recording: store?.recording ?? NOT_RECORDING,
    };
  }

  private async refreshRange(): Promise<void> {
    if (this.store && !this.store.isClosed) this.range = await this.store.timeRange();
  }

  private onCommit(assetId: string, info: CommitInfo): void {
    if (info.firstTs !== null && info.lastTs !== null) {
      this.range = {
        from: Math.min(this.range?.from ?? info.firstTs, info.firstTs),
        to: Math.max(this.range?.to ?? info.lastTs, info.lastTs),
      };
    }
    if (!this.range) return;
    const push: HistoryPush = {
      type: 'history-range',
      assetId,
      from: this.range.from,
      to: this.range.to,
      newEvents: info.events + info.alarms,
    };
    this.options.emit(push);
  }

  private async retain(): Promise<void> {
    try {
      await this.store?.applyRetention({ rawDays: this.retentionDays });
      await this.refreshRange();
    } catch (e) {
      this.notice('warning', ...failed('historyRetentionFailed', 'History retention failed', e as Error));
    }
  }

  private notice(level: 'info' | 'warning' | 'error', message: string, phrase?: Phrase): void {
    this.options.emit({ type: 'notice', level, message, ...(phrase ? { phrase } : {}) });
  }
}
