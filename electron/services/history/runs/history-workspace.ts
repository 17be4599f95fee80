import fs from 'node:fs';
import nodePath from 'node:path';
import type { HistoryRuns } from '../../../../core/api/domains/history-runs';
import type { SandboxRun, TwinEvent } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import type { BackendContext } from '../../backend-context';
import { savedRunRetentionDays, saveRunRetentionDays } from '../retention-setting';
import { storePath, type HistoryService, type HistoryServiceOptions } from '../service';
import type { QueuedService } from './queued-service';
import { openArchiveRun } from './run-archive';
import { archivePath, deleteRunFiles, listArchives, listRuns, readRun, runsFolder } from './run-files';
import {
  openPlantStore,
  openRunStore,
  saveRunSpan,
  type OpenRun,
  type WorkspaceStoreOptions,
} from './workspace-stores';

export const RUN_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export interface HistoryWorkspaceOptions {
  ctx: BackendContext;
  exchangeDir: string | null;
  flushIntervalMs?: number;
  store?: HistoryServiceOptions['store'];
}

/** The run each plant store's workspace shows instead of the plant's history (forks from history check it). */
const viewingByPlant = new Map<string, string>();
export const runShownInstead = (plantStorePath: string): string | null =>
  viewingByPlant.get(nodePath.resolve(plantStorePath)) ?? null;

/**
 * The histories of the loaded asset: the plant's store, which nothing replaces or moves, and one store per
 * sandbox run (trainer scenario, recorded drill, opened archive) under runs/. Samples go where the simulator
 * says they belong (TelemetryBatch.runId); the timeline and History… read the history shown (`viewing`).
 */
export class HistoryWorkspace {
  private asset: AssetDefinition;
  private plant: QueuedService;
  /** The run the simulator plays now, recorded into its own store. */
  private active: OpenRun | null = null;
  /** A stored run the user opened. */
  private browsed: OpenRun | null = null;
  private viewing: { id: string; title: string } | null = null;
  private runDays: number;
  /** Stores being closed: a run's store opens again only once its last close is done. */
  private closing: Promise<void> = Promise.resolve();

  private readonly stores: WorkspaceStoreOptions;

  constructor(private readonly options: HistoryWorkspaceOptions) {
    const { ctx } = options;
    this.stores = { ...options, isShown: (runId) => (this.viewing?.id ?? null) === runId };
    this.asset = ctx.asset();
    this.runDays = savedRunRetentionDays(ctx.dataDir) ?? RUN_RETENTION_DAYS;
    this.plant = openPlantStore(this.stores, this.asset, null);
    void this.plant.ready.then(() => this.applyRunRetention());
  }

  /** Records an event in the store it belongs to; follows the simulator into and out of sandbox runs. */
  handle(event: TwinEvent): void {
    if (event.type === 'session') {
      if (event.session.asset !== this.asset) this.switchAsset(event.session.asset);
      return;
    }
    const runId =
      event.type === 'telemetry'
        ? (event.batch.runId ?? null)
        : event.type === 'sim'
          ? (event.status.run?.id ?? null)
          : event.type === 'alarms'
            ? (this.options.ctx.live()?.run?.id ?? null)
            : undefined;
    if (runId === undefined) return;
    if (runId !== (this.active?.id ?? null)) this.follow(runId);
    (runId === null ? this.plant : this.active?.queued)?.handle(event);
  }

  /** The plant's service (its store once open): retention applies there. */
  async plantService(): Promise<HistoryService> {
    await this.plant.ready;
    return this.plant.service;
  }

  /** The service of the history shown, once its store is open. */
  async shown(): Promise<HistoryService> {
    const id = this.viewing?.id;
    const queued =
      id === this.browsed?.id
        ? this.browsed?.queued
        : id === this.active?.id
          ? this.active?.queued
          : undefined;
    const target = queued ?? this.plant;
    await target.ready;
    return target.service;
  }

  async runs(): Promise<HistoryRuns> {
    await this.plant.ready;
    const { dataDir } = this.options.ctx;
    const active = this.active;
    const live = active ? await active.queued.ready.then(() => active.queued.service.info()) : null;
    const runs = listRuns(dataDir, this.asset.id, active?.id ?? null).map((r) =>
      r.id === active?.id && live ? { ...r, from: live.from, to: live.to, samples: live.sampleCount } : r,
    );
    return {
      viewing: this.viewing?.id ?? null,
      recording: active?.id ?? null,
      runs,
      archives: listArchives(dataDir, this.asset.id, runs),
      retentionDays: this.runDays,
      folder: runsFolder(dataDir, this.asset.id),
    };
  }

  /** Shows a run's history, or with null the plant's. */
  async view(runId: string | null): Promise<void> {
    if (runId === null || runId === this.active?.id) {
      await this.closeBrowsed();
      this.setView(this.active && runId !== null ? this.active : null);
      return;
    }
    if (runId === this.browsed?.id) return;
    const manifest = readRun(this.options.ctx.dataDir, this.asset.id, runId);
    if (!manifest) throw new Error(`runId: asset "${this.asset.id}" has no run "${runId}"`);
    await this.closeBrowsed();
    this.browsed = openRunStore(this.stores, this.asset, manifest, { after: this.closing });
    await this.browsed.queued.ready;
    this.setView(this.browsed);
  }

  async deleteRun(runId: string): Promise<void> {
    if (runId === this.active?.id)
      throw new Error(`runId: "${this.active.title}" is playing; leave it before deleting its history`);
    if (runId === this.browsed?.id) await this.view(null);
    await this.closing;
    if (!readRun(this.options.ctx.dataDir, this.asset.id, runId))
      throw new Error(`runId: asset "${this.asset.id}" has no run "${runId}"`);
    deleteRunFiles(this.options.ctx.dataDir, this.asset.id, runId);
  }

  /** Opens an archive file as a run (imported the first time) and shows it. */
  async openArchive(file: string): Promise<void> {
    const { dataDir } = this.options.ctx;
    const opened = listRuns(dataDir, this.asset.id, null).find((r) => r.source === file);
    if (opened) return this.view(opened.id);
    await this.closeBrowsed();
    const run = await openArchiveRun(this.stores, this.asset, file);
    this.browsed = run;
    this.setView(run);
  }

  deleteArchive(file: string): void {
    fs.rmSync(archivePath(this.options.ctx.dataDir, file), { force: true });
  }

  /** Keeps runs for `days` (saved across restarts) and deletes older ones now. */
  async setRunRetention(days: number): Promise<void> {
    saveRunRetentionDays(this.options.ctx.dataDir, days);
    this.runDays = days;
    this.applyRunRetention();
  }

  async close(): Promise<void> {
    await this.closing;
    const active = this.active;
    this.active = null;
    if (active) await this.finish(active);
    await this.closeBrowsed();
    viewingByPlant.delete(nodePath.resolve(storePath(this.options.ctx.dataDir, this.asset.id)));
    await this.plant.close();
  }

  /** The simulator went into a run, out of one, or from one to the next. */
  private follow(runId: string | null): void {
    const ending = this.active;
    this.active = null;
    if (ending) {
      this.closeLater(this.finish(ending));
      if (this.viewing?.id === ending.id) this.setView(null);
    }
    if (runId === null) return;
    const live = this.options.ctx.live()?.run;
    const run: SandboxRun = live?.id === runId ? live : { id: runId, kind: 'scenario', title: runId };
    const stored = readRun(this.options.ctx.dataDir, this.asset.id, run.id);
    this.active = openRunStore(
      this.stores,
      this.asset,
      stored ?? { ...run, createdAt: Date.now(), from: null, to: null, samples: null, source: null },
      { after: this.closing },
    );
    this.closeLater(this.closeBrowsed());
    this.setView(this.active);
    this.applyRunRetention();
  }

  /** Notes a run's span and sample count in its manifest (for the list) and closes its store. */
  private async finish(run: OpenRun): Promise<void> {
    await saveRunSpan(run, this.options.ctx.dataDir).catch(() => undefined);
    await run.queued.close();
  }

  private closeLater(closing: Promise<void>): void {
    const before = this.closing;
    this.closing = Promise.all([before, closing.catch(() => undefined)]).then(() => undefined);
  }

  private async closeBrowsed(): Promise<void> {
    const browsed = this.browsed;
    this.browsed = null;
    if (browsed) await browsed.queued.close();
  }

  private setView(run: { id: string; title: string } | null): void {
    this.viewing = run ? { id: run.id, title: run.title } : null;
    const plantPath = nodePath.resolve(storePath(this.options.ctx.dataDir, this.asset.id));
    if (run) viewingByPlant.set(plantPath, run.title);
    else viewingByPlant.delete(plantPath);
    this.options.ctx.emit({
      type: 'history-view',
      assetId: this.asset.id,
      runId: run?.id ?? null,
      title: run?.title ?? null,
    });
  }

  private switchAsset(asset: AssetDefinition): void {
    const active = this.active;
    this.active = null;
    if (active) this.closeLater(this.finish(active));
    this.closeLater(this.closeBrowsed());
    this.setView(null);
    this.asset = asset;
    this.plant = openPlantStore(this.stores, asset, this.plant);
  }

  /** Deletes runs older than the retention, except the one playing or shown. */
  private applyRunRetention(): void {
    const { dataDir } = this.options.ctx;
    const cutoff = Date.now() - this.runDays * DAY_MS;
    for (const r of listRuns(dataDir, this.asset.id, null))
      if (r.createdAt < cutoff && r.id !== this.active?.id && r.id !== this.browsed?.id)
        deleteRunFiles(dataDir, this.asset.id, r.id);
  }
}
