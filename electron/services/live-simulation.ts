import type { Alarm, SimStatus, TelemetryBatch } from '../../core/api/types';
import type { AssetDefinition } from '../../core/asset/schema';
import { AlarmEngine } from '../../core/alarms/alarm-engine';
import { checkSample } from '../../core/data/cleaning/streaming';
import {
  createPumpSkidSimulator,
  type FaultSpec,
  type PumpSkidSimulator,
  type PumpSkidSnapshot,
} from '../../core/sim';
import { TelemetryBatcher } from './telemetry-batcher';

export interface LiveSimulationOptions {
  asset: AssetDefinition;
  seed: number;
  /** Simulated seconds per wall second. */
  speed?: number;
  running?: boolean;
  /** Simulated seconds between samples. */
  sampleIntervalS?: number;
  onTelemetry(batch: TelemetryBatch): void;
  onAlarms(alarms: Alarm[]): void;
  now?: () => number;
}

/** Mean of the recent ticks' speed, for the status bar's "achieved" figure. */
class SpeedMeter {
  private simS = 0;
  private wallS = 0;
  add(simSeconds: number, wallSeconds: number): void {
    this.simS = this.simS * 0.95 + simSeconds;
    this.wallS = this.wallS * 0.95 + wallSeconds;
  }
  get value(): number {
    return this.wallS > 0 ? this.simS / this.wallS : 0;
  }
}

/** The simulator as a live source: advances with wall time, samples, checks, raises alarms and batches. */
export class LiveSimulation {
  readonly asset: AssetDefinition;
  private sim: PumpSkidSimulator;
  private seed: number;
  private readonly alarms: AlarmEngine;
  private readonly batcher: TelemetryBatcher;
  private readonly simToAsset: Int32Array;
  private readonly simBuffer: Float32Array;
  private readonly values: Float32Array;
  private readonly quality: Uint8Array;
  private readonly sampleIntervalS: number;
  private readonly meter = new SpeedMeter();
  private readonly now: () => number;
  private pendingSimS = 0;
  running: boolean;
  speed: number;

  constructor(private readonly options: LiveSimulationOptions) {
    this.asset = options.asset;
    this.seed = options.seed;
    this.sim = createPumpSkidSimulator({ seed: options.seed });
    this.speed = options.speed ?? 1;
    this.running = options.running ?? true;
    this.sampleIntervalS = options.sampleIntervalS ?? 1;
    this.now = options.now ?? Date.now;
    const simIndex = new Map(this.sim.tagIds.map((id, i) => [id, i]));
    this.simToAsset = Int32Array.from(this.asset.tags, (t) => simIndex.get(t.id) ?? -1);
    this.simBuffer = new Float32Array(this.sim.tagIds.length);
    this.values = new Float32Array(this.asset.tags.length);
    this.quality = new Uint8Array(this.asset.tags.length);
    this.alarms = new AlarmEngine(this.asset);
    this.batcher = new TelemetryBatcher(this.asset.id, this.asset.tags.length);
    this.applyDefaultControls();
  }

  private applyDefaultControls(): void {
    const known = new Set(Object.keys(this.sim.controls()));
    for (const c of this.asset.controls) if (known.has(c.id)) this.sim.setControl(c.id, c.default);
  }

  /**
   * Advances by `wallMs` of wall time at the current speed and emits what was sampled.
   * `elapsedMs` is the wall time that really passed (more than wallMs when the caller capped a stall).
   */
  advance(wallMs: number, elapsedMs = wallMs): void {
    if (!this.running || wallMs <= 0) return;
    const simSeconds = (wallMs / 1000) * this.speed;
    this.pendingSimS += simSeconds;
    while (this.pendingSimS >= this.sampleIntervalS) {
      this.pendingSimS -= this.sampleIntervalS;
      this.sampleOnce();
    }
    this.meter.add(simSeconds, elapsedMs / 1000);
    if (this.batcher.size > 0) this.options.onTelemetry(this.batcher.take());
  }

  private sampleOnce(): void {
    this.sim.step(this.sampleIntervalS);
    this.sim.sample(this.simBuffer);
    for (let k = 0; k < this.values.length; k++) {
      const j = this.simToAsset[k] ?? -1;
      this.values[k] = j >= 0 ? (this.simBuffer[j] ?? Number.NaN) : Number.NaN;
    }
    checkSample(this.values, this.asset.tags, this.quality);
    if (this.alarms.evaluate(this.values, this.quality, this.sim.simTime, this.now()))
      this.options.onAlarms(this.alarms.snapshot());
    this.batcher.add(this.sim.simTime, this.values, this.quality);
  }

  status(): SimStatus {
    return {
      running: this.running,
      speed: this.speed,
      achievedSpeed: this.running ? Math.round(this.meter.value * 10) / 10 : 0,
      simTime: this.sim.simTime,
      seed: this.seed,
      controls: this.sim.controls(),
      faults: this.sim.activeFaults(),
    };
  }

  /** The simulator's full state now, for what-if forks (a copy: the live run goes on untouched). */
  snapshot(): PumpSkidSnapshot {
    return this.sim.snapshot();
  }

  setControl(controlId: string, value: number): void {
    const control = this.asset.controls.find((c) => c.id === controlId);
    if (!control)
      throw new Error(
        `unknown control "${controlId}"; this asset has: ${this.asset.controls.map((c) => c.id).join(', ')}`,
      );
    this.sim.setControl(controlId, Math.min(control.max, Math.max(control.min, value)));
  }

  injectFault(spec: FaultSpec): void {
    if (!this.asset.faults.some((f) => f.id === spec.faultId))
      throw new Error(
        `unknown fault "${spec.faultId}"; this asset has: ${this.asset.faults.map((f) => f.id).join(', ')}`,
      );
    this.sim.injectFault(spec);
  }

  clearFault(instanceId: string): void {
    if (!this.sim.activeFaults().some((f) => f.instanceId === instanceId))
      throw new Error(`no active fault "${instanceId}"`);
    this.sim.clearFault(instanceId);
  }

  alarmCommand(alarmId: string, action: 'ack' | 'shelve' | 'unshelve', minutes?: number): Alarm[] {
    this.alarms.command(alarmId, action, this.now(), minutes);
    return this.alarms.snapshot();
  }

  alarmSnapshot(): Alarm[] {
    return this.alarms.snapshot();
  }

  reset(seed = this.seed): void {
    this.seed = seed;
    this.sim = createPumpSkidSimulator({ seed });
    this.applyDefaultControls();
    this.alarms.clear();
    this.pendingSimS = 0;
    this.options.onAlarms([]);
  }
}
