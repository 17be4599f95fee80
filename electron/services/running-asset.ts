import type { SessionInfo, SimStatus, TwinEvent } from '../../core/api/types';
import type { AssetDefinition } from '../../core/asset/schema';
import type { AssetModelBytes } from './asset-model';
import { LiveSimulation } from './live-simulation';

export interface RunningAssetOptions {
  asset: AssetDefinition;
  model: AssetModelBytes | null;
  /** Shown in the session: the asset file, or 'built-in'. */
  source: string;
  host: 'electron' | 'web';
  versions: Record<string, string> | undefined;
  emit(event: TwinEvent): void;
}

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

/** The asset the backend runs now, its GLB model and its simulator (only the pump skid has one). */
export class RunningAsset {
  asset: AssetDefinition;
  model: AssetModelBytes | null;
  live: LiveSimulation | null = null;
  private source: string;

  constructor(
    private readonly options: RunningAssetOptions,
    seed: number,
    speed: number,
  ) {
    this.asset = options.asset;
    this.model = options.model;
    this.source = options.source;
    this.startSimulator(seed, speed);
  }

  /** Replaces the asset; its simulator starts with the previous one's seed and speed. */
  replace(asset: AssetDefinition, model: AssetModelBytes | null, source: string): void {
    const previous = this.live?.status();
    this.asset = asset;
    this.model = model;
    this.source = source;
    this.startSimulator(previous?.seed ?? 1, previous?.speed ?? 1);
  }

  status(): SimStatus {
    return this.live?.status() ?? idleStatus();
  }

  session(): SessionInfo {
    const { live } = this;
    return {
      asset: this.asset,
      assetSource: this.source,
      source: live ? `Pump-skid simulator (seed ${live.status().seed})` : 'No data source for this asset',
      host: this.options.host,
      // The backend answers each caller with its own role (twin-backend.ts `forCaller`).
      role: 'operator',
      versions: { twinscape: '0.1.0', node: process.versions.node, ...this.options.versions },
      sim: this.status(),
      alarms: live?.alarmSnapshot() ?? [],
    };
  }

  /** The simulator, or an error naming the asset when it has none. */
  requireLive(): LiveSimulation {
    if (!this.live) throw new Error(`asset "${this.asset.id}" has no simulator to control`);
    return this.live;
  }

  private startSimulator(seed: number, speed: number): void {
    const { emit } = this.options;
    this.live =
      this.asset.simulator === 'pump-skid'
        ? new LiveSimulation({
            asset: this.asset,
            seed,
            speed,
            onTelemetry: (batch) => emit({ type: 'telemetry', batch }),
            onAlarms: (alarms) => emit({ type: 'alarms', snapshot: { alarms } }),
          })
        : null;
  }
}
