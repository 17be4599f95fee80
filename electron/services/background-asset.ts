import type { AssetSummary } from '../../core/api/domains/assets';
import type { TwinEvent } from '../../core/api/types';
import { summarizeAsset } from './asset-summary';
import { plantClockStart } from './history/plant-clock';
import { HistoryService } from './history/service';
import { LiveSimulation } from './live-simulation';
import { describeLiveSource } from './live/describe-source';
import { hasSources, LiveSources } from './live/live-sources';
import { NormalRegistryStore } from './normal-models/normal-registry-store';
import { PredictiveAlarmMonitor } from './normal-models/predictive-alarm-monitor';
import type { AssetOrigin, LiveSourceSetup } from './asset-origin';

const LOCK_RETRIES = 20;
const LOCK_RETRY_MS = 250;

/**
 * An asset that runs but is not shown: its live sources (or simulator) keep going and its history keeps
 * recording into its own store, so switching to it later shows everything it saw meanwhile. Its deployed
 * normal-behaviour model scores its rows as for the shown asset, and its predictive alarm is recorded in its
 * history with the limit alarms (nobody can acknowledge it until the asset is shown).
 */
export class BackgroundAsset {
  private sources: LiveSources | null = null;
  private sim: LiveSimulation | null = null;
  private readonly history: HistoryService;
  private opened: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Its deployed normal-behaviour model and predictive alarm; `problem` says why none scores. */
  readonly predictive: PredictiveAlarmMonitor;

  constructor(
    readonly origin: AssetOrigin,
    setup: LiveSourceSetup,
  ) {
    const { asset } = origin;
    this.history = new HistoryService({
      dataDir: setup.dataDir,
      // Background assets do not speak to the user; the switcher shows their health.
      emit: () => undefined,
      simTime: () => this.sim?.status().simTime ?? null,
    });
    // Background assets do not speak to the user: a card that does not fit stays in `predictive.problem`.
    this.predictive = new PredictiveAlarmMonitor(new NormalRegistryStore(setup.dataDir), () => undefined);
    this.predictive.load(asset);
    const record = (event: TwinEvent) => {
      if (!this.stopped) this.history.handle(event);
    };
    const onAlarms = (alarms: Extract<TwinEvent, { type: 'alarms' }>['snapshot']['alarms']) =>
      record({ type: 'alarms', snapshot: { alarms, predictive: this.predictive.alarm } });
    const onTelemetry = (batch: Extract<TwinEvent, { type: 'telemetry' }>['batch']) => {
      record({ type: 'telemetry', batch });
      if (this.predictive.scoreBatch(asset, batch)) onAlarms(this.limitAlarms());
    };
    if (hasSources(asset) && (asset.sources.use === 'live' || asset.simulator !== 'pump-skid'))
      this.sources = new LiveSources({ asset, assetDir: origin.assetDir, ...setup, onTelemetry, onAlarms });
    else if (asset.simulator === 'pump-skid') {
      // The plant's clock goes on after its stored history, as for the shown asset.
      const startTime = plantClockStart(setup.dataDir, asset.id);
      this.sim = new LiveSimulation({
        asset,
        seed: 1,
        onTelemetry,
        onAlarms,
        ...(startTime !== undefined ? { startTime } : {}),
      });
    }
  }

  get assetId(): string {
    return this.origin.asset.id;
  }

  /** Opens its history (waiting while another part of this process still holds the store) and connects. */
  start(): void {
    this.opened = this.openHistory();
    this.sources?.startAll();
  }

  private async openHistory(): Promise<void> {
    for (let attempt = 0; attempt < LOCK_RETRIES && !this.stopped; attempt++) {
      await this.history.open(this.origin.asset);
      if (this.history.store || !this.history.problems.some((p) => p.kind === 'locked')) return;
      this.history.problems = [];
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }

  /** Resolves once its history store is open (or could not be opened). */
  get recording(): Promise<void> {
    return this.opened;
  }

  private limitAlarms() {
    return this.sim?.alarmSnapshot() ?? this.sources?.pipeline.alarmSnapshot() ?? [];
  }

  tick(wallMs: number, elapsedMs: number): void {
    this.sim?.advance(wallMs, elapsedMs);
    this.sources?.tick();
  }

  summary(): AssetSummary {
    const { asset } = this.origin;
    if (this.sources)
      return summarizeAsset(
        asset,
        false,
        'live',
        describeLiveSource(this.sources.asset),
        this.sources.snapshot('live'),
        this.sources.pipeline.alarmSnapshot(),
      );
    if (this.sim)
      return summarizeAsset(
        asset,
        false,
        'simulator',
        `Pump-skid simulator (seed ${this.sim.status().seed})`,
        null,
        this.sim.alarmSnapshot(),
      );
    return summarizeAsset(asset, false, 'none', 'No data source for this asset', null, []);
  }

  /** Disconnects and closes its history store (so the shown asset can open it). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.sources?.stopAll();
    await this.opened;
    await this.history.close();
  }
}
