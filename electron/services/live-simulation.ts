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
  /** Simulated seconds between the periodic simulator states reported to onSnapshot listeners. */
  snapshotEveryS?: number;
}

/**
 * A simulator state worth keeping for forks from the past: every `snapshotEveryS` of simulated time, at the
 * start of a run, and after every input (setpoint, fault), so that between two states the run had no input
 * and replaying `step(stepS)` + `sample` from the older one reproduces the live run exactly.
 */
export interface LiveSnapshot {
  reason: 'start' | 'interval' | 'input';
  /** Simulated seconds per sample: what to replay with. */
  stepS: number;
  snapshot: PumpSkidSnapshot;
}

/** 5 simulated minutes: ~290 states a day (~0.2 MB stored), at most 300 samples to replay for a fork. */
export const SNAPSHOT_EVERY_S = 300;

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
  private readonly snapshotListeners = new Set<(s: LiveSnapshot) => void>();
  private readonly snapshotEveryMs: number;
  /** Simulated time of the last state reported; null at the start of a run. */
  private lastSnapshotAt: number | null = null;
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
    this.snapshotEveryMs = (options.snapshotEveryS ?? SNAPSHOT_EVERY_S) * 1000;
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
    const t = this.sim.simTime;
    const last = this.lastSnapshotAt;
    if (last === null) this.reportSnapshot('start');
    else if (Math.floor(t / this.snapshotEveryMs) !== Math.floor(last / this.snapshotEveryMs))
      this.reportSnapshot('interval');
  }

  /** Listens to the simulator states worth keeping (see LiveSnapshot); returns the unsubscribe. */
  onSnapshot(listener: (s: LiveSnapshot) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  private reportSnapshot(reason: LiveSnapshot['reason']): void {
    this.lastSnapshotAt = this.sim.simTime;
    if (this.snapshotListeners.size === 0) return;
    const note: LiveSnapshot = { reason, stepS: this.sampleIntervalS, snapshot: this.sim.snapshot() };
    for (const l of this.snapshotListeners) l(note);
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
    this.reportSnapshot('input');
  }

  injectFault(spec: FaultSpec): void {
    if (!this.asset.faults.some((f) => f.id === spec.faultId))
      throw new Error(
        `unknown fault "${spec.faultId}"; this asset has: ${this.asset.faults.map((f) => f.id).join(', ')}`,
      );
    this.sim.injectFault(spec);
    this.reportSnapshot('input');
  }

  clearFault(instanceId: string): void {
    if (!this.sim.activeFaults().some((f) => f.instanceId === instanceId))
      throw new Error(`no active fault "${instanceId}"`);
    this.sim.clearFault(instanceId);
    this.reportSnapshot('input');
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
    this.reportSnapshot('start');
    this.options.onAlarms([]);
  }
}
