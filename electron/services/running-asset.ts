import type { AlarmSnapshot, SessionInfo, SimStatus, TwinEvent } from '../../core/api/types';
import { PREDICTIVE_ALARM_ID } from '../../core/alarms/predictive-alarm';
import type { ConnectionsSnapshot } from '../../core/api/domains/connections';
import type { AssetDefinition } from '../../core/asset/schema';
import type { AssetSummary } from '../../core/api/domains/assets';
import type { AssetModelBytes } from './asset-model';
import { summarizeAsset } from './asset-summary';
import type { AssetOrigin, LiveSourceSetup } from './asset-origin';
import { LiveSimulation, type LiveSimulationOptions } from './live-simulation';
import { describeLiveSource } from './live/describe-source';
import { hasSources, LiveSources } from './live/live-sources';
import { NormalRegistryStore } from './normal-models/normal-registry-store';
import { PredictiveAlarmMonitor } from './normal-models/predictive-alarm-monitor';

export type { LiveSourceSetup } from './asset-origin';

export interface RunningAssetOptions {
  asset: AssetDefinition;
  model: AssetModelBytes | null;
  /** Shown in the session: the asset file, or 'built-in'. */
  source: string;
  /** Folder the asset's relative paths (certificates) start from. */
  assetDir: string;
  host: 'electron' | 'web';
  versions: Record<string, string> | undefined;
  liveSources: LiveSourceSetup;
  /** Where the simulator's clock starts for an asset: after its stored history (absent: the default start). */
  plantClockStart?(assetId: string): number | undefined;
  emit(event: TwinEvent): void;
}

export type SourceMode = ConnectionsSnapshot['mode'];

/** Status reported when the asset has no simulator. */
const idleStatus = (): SimStatus => ({
  running: false,
  speed: 1,
  achievedSpeed: 0,
  simTime: Date.now(),
  seed: 0,
  controls: {},
  faults: [],
});

/**
 * The asset the backend runs now, its GLB model, and where its data comes from: its simulator (only the pump
 * skid has one) or its live sources (MQTT, OPC UA).
 */
export class RunningAsset {
  asset: AssetDefinition;
  model: AssetModelBytes | null;
  live: LiveSimulation | null = null;
  sources: LiveSources | null = null;
  private source: string;
  private assetDir: string;
  /** The deployed normal-behaviour model's predictive alarm, raised beside the limit alarms. */
  readonly predictive: PredictiveAlarmMonitor;

  constructor(
    private readonly options: RunningAssetOptions,
    seed: number,
    speed: number,
  ) {
    this.asset = options.asset;
    this.model = options.model;
    this.source = options.source;
    this.assetDir = options.assetDir;
    this.predictive = new PredictiveAlarmMonitor(
      new NormalRegistryStore(options.liveSources.dataDir),
      (level, message, phrase) => options.emit({ type: 'notice', level, message, phrase }),
    );
    this.predictive.load(this.asset);
    this.start(this.defaultMode(), seed, speed);
  }

  /** Reads the deployed normal-behaviour model again (after a deploy or undeploy) and publishes the alarms. */
  reloadNormalModel(): void {
    this.predictive.load(this.asset);
    this.options.emit({ type: 'alarms', snapshot: this.alarmSnapshot() });
  }

  /** Limit alarms of whichever source runs, and the predictive alarm. */
  alarmSnapshot(): AlarmSnapshot {
    const alarms = this.live?.alarmSnapshot() ?? this.sources?.pipeline.alarmSnapshot() ?? [];
    return { alarms, predictive: this.predictive.alarm };
  }

  /** What live sources need (data folder, secrets, connectors); background assets use the same. */
  get liveSourceSetup(): LiveSourceSetup {
    return this.options.liveSources;
  }

  get mode(): SourceMode {
    return this.sources ? 'live' : this.live ? 'simulator' : 'none';
  }

  /** Replaces the asset; a simulator starts with the previous one's seed and speed. */
  async replace(
    asset: AssetDefinition,
    model: AssetModelBytes | null,
    source: string,
    assetDir: string,
  ): Promise<void> {
    const previous = this.live?.status();
    await this.stopSources();
    this.asset = asset;
    this.model = model;
    this.source = source;
    this.assetDir = assetDir;
    this.predictive.load(asset);
    this.start(this.defaultMode(), previous?.seed ?? 1, previous?.speed ?? 1);
  }

  /** Switches between the simulator and the live sources. */
  async setMode(use: 'simulator' | 'live'): Promise<void> {
    if (use === this.mode) return;
    if (use === 'live' && !hasSources(this.asset))
      throw new Error(`asset "${this.asset.id}" has no live sources: add a "sources" section to its file`);
    if (use === 'simulator' && this.asset.simulator !== 'pump-skid')
      throw new Error(`asset "${this.asset.id}" has no simulator`);
    const previous = this.live?.status();
    await this.stopSources();
    this.start(use, previous?.seed ?? 1, previous?.speed ?? 1);
  }

  /** Advances the simulator or forms the live rows due; called every tick. */
  tick(wallMs: number, elapsedMs: number): void {
    this.live?.advance(wallMs, elapsedMs);
    this.sources?.tick();
  }

  status(): SimStatus {
    return this.live?.status() ?? idleStatus();
  }

  session(): SessionInfo {
    const { live, sources } = this;
    return {
      asset: this.asset,
      assetSource: this.source,
      source: sources
        ? describeLiveSource(sources.asset)
        : live
          ? `Pump-skid simulator (seed ${live.status().seed})`
          : 'No data source for this asset',
      host: this.options.host,
      // The backend answers each caller with its own role (twin-backend.ts `forCaller`).
      role: 'operator',
      versions: { twinscape: '0.1.0', node: process.versions.node, ...this.options.versions },
      sim: this.status(),
      alarms: live?.alarmSnapshot() ?? sources?.pipeline.alarmSnapshot() ?? [],
      predictiveAlarm: this.predictive.alarm,
    };
  }

  /** What it runs from, so it can be run in the background after a switch. */
  origin(): AssetOrigin {
    return { asset: this.asset, model: this.model, source: this.source, assetDir: this.assetDir };
  }

  /** The shown asset at a glance, for the asset switcher. */
  summary(): AssetSummary {
    const session = this.session();
    return summarizeAsset(
      this.asset,
      true,
      this.mode,
      session.source,
      this.sources ? this.connections() : null,
      session.alarms,
    );
  }

  connections(): ConnectionsSnapshot {
    if (this.sources) return this.sources.snapshot('live');
    return {
      assetId: this.asset.id,
      mode: this.mode,
      hasSources: hasSources(this.asset),
      connections: [],
      tags: [],
      droppedSamples: 0,
      clockSkewMs: null,
      clockSkewWarning: null,
      writableControls: [],
    };
  }

  /** The simulator, or an error naming the asset when it has none (or runs from live sources). */
  requireLive(): LiveSimulation {
    if (this.live) return this.live;
    if (this.sources)
      throw new Error(
        `asset "${this.asset.id}" runs from live sources: the simulator's controls do not apply (switch to the simulator, or write a setpoint to the live source)`,
      );
    throw new Error(`asset "${this.asset.id}" has no simulator to control`);
  }

  /** Acknowledges, shelves or unshelves an alarm of whichever source runs, or acknowledges the predictive one. */
  alarmCommand(alarmId: string, action: 'ack' | 'shelve' | 'unshelve', minutes?: number): AlarmSnapshot {
    if (alarmId === PREDICTIVE_ALARM_ID) {
      if (action !== 'ack')
        throw new Error(
          `the predictive alarm can only be acknowledged, not "${action}" (it is not shelvable)`,
        );
      this.predictive.acknowledge();
    } else if (this.sources) this.sources.pipeline.alarmCommand(alarmId, action, minutes);
    else this.requireLive().alarmCommand(alarmId, action, minutes);
    return this.alarmSnapshot();
  }

  async dispose(): Promise<void> {
    await this.stopSources();
  }

  private defaultMode(): SourceMode {
    if (hasSources(this.asset) && (this.asset.sources.use === 'live' || this.asset.simulator !== 'pump-skid'))
      return 'live';
    return this.asset.simulator === 'pump-skid' ? 'simulator' : 'none';
  }

  private async stopSources(): Promise<void> {
    const { sources } = this;
    this.sources = null;
    await sources?.stopAll();
  }

  private start(mode: SourceMode, seed: number, speed: number): void {
    const { emit, liveSources } = this.options;
    this.live = null;
    const onTelemetry: LiveSimulationOptions['onTelemetry'] = (batch) => {
      emit({ type: 'telemetry', batch });
      if (this.predictive.scoreBatch(this.asset, batch))
        emit({ type: 'alarms', snapshot: this.alarmSnapshot() });
    };
    const onAlarms: LiveSimulationOptions['onAlarms'] = (alarms) =>
      emit({ type: 'alarms', snapshot: { alarms, predictive: this.predictive.alarm } });
    const startTime = this.options.plantClockStart?.(this.asset.id);
    if (mode === 'simulator')
      this.live = new LiveSimulation({
        asset: this.asset,
        seed,
        speed,
        onTelemetry,
        onAlarms,
        ...(startTime !== undefined ? { startTime } : {}),
      });
    else if (mode === 'live' && hasSources(this.asset)) {
      this.sources = new LiveSources({
        asset: this.asset,
        assetDir: this.assetDir,
        ...liveSources,
        onTelemetry,
        onAlarms,
      });
      this.sources.startAll();
    }
  }
}
