import type { Alarm, SandboxRun, SimStatus, TelemetryBatch } from '../../core/api/types';
import type { AssetDefinition } from '../../core/asset/schema';
import { checkSample } from '../../core/data/cleaning/streaming';
import type { FaultSpec, PumpSkidSnapshot } from '../../core/sim';
import { SNAPSHOT_EVERY_S, SpeedMeter, type LiveSnapshot } from './live-snapshot';
import { newSandboxRun, SANDBOX_EPOCH } from './sandbox-run';
import {
  freshSimulatorState,
  requireControl,
  requireFault,
  type ParkedPlant,
  type SimulatorState,
} from './simulator-state';
import { TelemetryBatcher } from './telemetry-batcher';

export { SNAPSHOT_EVERY_S, type LiveSnapshot } from './live-snapshot';

export interface LiveSimulationOptions {
  asset: AssetDefinition;
  seed: number;
  /** Simulated start, ms since epoch: where the plant's stored history ends (2026-01-01 by default). */
  startTime?: number;
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
 * The simulator as a live source: advances with wall time, samples, checks, raises alarms and batches. It
 * plays the plant, or a sandbox run (trainer scenario, recorded drill) while the plant is parked untouched.
 */
export class LiveSimulation {
  readonly asset: AssetDefinition;
  private state: SimulatorState;
  private currentRun: SandboxRun | null = null;
  private parked: ParkedPlant | null = null;
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
  running: boolean;
  speed: number;

  constructor(private readonly options: LiveSimulationOptions) {
    this.asset = options.asset;
    this.state = freshSimulatorState(this.asset, options.seed, options.startTime);
    this.speed = options.speed ?? 1;
    this.running = options.running ?? true;
    this.sampleIntervalS = options.sampleIntervalS ?? 1;
    this.now = options.now ?? Date.now;
    this.snapshotEveryMs = (options.snapshotEveryS ?? SNAPSHOT_EVERY_S) * 1000;
    const simIndex = new Map(this.state.sim.tagIds.map((id, i) => [id, i]));
    this.simToAsset = Int32Array.from(this.asset.tags, (t) => simIndex.get(t.id) ?? -1);
    this.simBuffer = new Float32Array(this.state.sim.tagIds.length);
    this.values = new Float32Array(this.asset.tags.length);
    this.quality = new Uint8Array(this.asset.tags.length);
    this.batcher = new TelemetryBatcher(this.asset.id, this.asset.tags.length);
  }

  /**
   * Advances by `wallMs` of wall time at the current speed and emits what was sampled.
   * `elapsedMs` is the wall time that really passed (more than wallMs when the caller capped a stall).
   */
  advance(wallMs: number, elapsedMs = wallMs): void {
    if (!this.running || wallMs <= 0) return;
    let speed = this.speed;
    const simSeconds = (wallMs / 1000) * speed;
    this.pendingSimS += simSeconds;
    while (this.pendingSimS >= this.sampleIntervalS && this.running) {
      this.pendingSimS -= this.sampleIntervalS;
      this.sampleOnce();
      // A listener slowed down (a trainer action window opened) or paused in the middle of this tick.
      if (this.speed !== speed) {
        this.pendingSimS *= this.speed / speed;
        speed = this.speed;
      }
    }
    if (!this.running) this.pendingSimS = 0;
    this.meter.add(simSeconds, elapsedMs / 1000);
    this.emitBatch();
  }

  /** Runs `simS` simulated seconds at once (a trainer step) or until `stop()`; emits one batch. */
  runFor(simS: number, stop: () => boolean = () => false): number {
    let ran = 0;
    while (ran + this.sampleIntervalS <= simS + 1e-9) {
      this.sampleOnce();
      ran += this.sampleIntervalS;
      if (stop()) break;
    }
    this.emitBatch();
    return ran;
  }

  private emitBatch(): void {
    if (this.batcher.size === 0) return;
    const batch = this.batcher.take();
    if (this.currentRun) batch.runId = this.currentRun.id;
    this.options.onTelemetry(batch);
  }

  private sampleOnce(): void {
    this.state.sim.step(this.sampleIntervalS);
    this.state.sim.sample(this.simBuffer);
    for (let k = 0; k < this.values.length; k++) {
      const j = this.simToAsset[k] ?? -1;
      this.values[k] = j >= 0 ? (this.simBuffer[j] ?? Number.NaN) : Number.NaN;
    }
    checkSample(this.values, this.asset.tags, this.quality);
    if (this.state.alarms.evaluate(this.values, this.quality, this.state.sim.simTime, this.now()))
      this.options.onAlarms(this.state.alarms.snapshot());
    this.batcher.add(this.state.sim.simTime, this.values, this.quality);
    const t = this.state.sim.simTime;
    const last = this.state.lastSnapshotAt;
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
    this.state.lastSnapshotAt = this.state.sim.simTime;
    if (this.snapshotListeners.size === 0) return;
    const note: LiveSnapshot = {
      ...(this.currentRun ? { runId: this.currentRun.id } : {}),
      reason,
      stepS: this.sampleIntervalS,
      snapshot: this.state.sim.snapshot(),
    };
    for (const l of this.snapshotListeners) l(note);
  }

  status(): SimStatus {
    return {
      running: this.running,
      speed: this.speed,
      achievedSpeed: this.running ? Math.round(this.meter.value * 10) / 10 : 0,
      simTime: this.state.sim.simTime,
      seed: this.state.seed,
      controls: this.state.sim.controls(),
      faults: this.state.sim.activeFaults(),
      run: this.currentRun,
    };
  }

  /** The sandbox run playing instead of the plant, or null. */
  get run(): SandboxRun | null {
    return this.currentRun;
  }

  /**
   * Parks the plant (its simulator, alarms, speed and run state, untouched) and plays a fresh simulator with
   * `seed` from SANDBOX_EPOCH instead, paused, until endRun. Its samples carry the run's id.
   */
  startRun(kind: SandboxRun['kind'], title: string, seed: number): SandboxRun {
    if (this.currentRun) this.endRun();
    this.parked = { state: this.state, running: this.running, speed: this.speed };
    this.currentRun = newSandboxRun(kind, title, this.now());
    this.running = false;
    this.restart(freshSimulatorState(this.asset, seed, SANDBOX_EPOCH));
    return this.currentRun;
  }

  /** Ends the sandbox run: the plant goes on from where it was parked, as it was (running or not). */
  endRun(): void {
    const plant = this.parked;
    if (!plant) return;
    this.parked = null;
    this.currentRun = null;
    this.state = plant.state;
    this.running = plant.running;
    this.speed = plant.speed;
    this.pendingSimS = 0;
    this.options.onAlarms(this.state.alarms.snapshot());
  }

  /** The simulator's full state now, for what-if forks (a copy: the live run goes on untouched). */
  snapshot(): PumpSkidSnapshot {
    return this.state.sim.snapshot();
  }

  setControl(controlId: string, value: number): void {
    const control = requireControl(this.asset, controlId);
    this.state.sim.setControl(controlId, Math.min(control.max, Math.max(control.min, value)));
    this.reportSnapshot('input');
  }

  injectFault(spec: FaultSpec): void {
    requireFault(this.asset, spec.faultId);
    this.state.sim.injectFault(spec);
    this.reportSnapshot('input');
  }

  clearFault(instanceId: string): void {
    if (!this.state.sim.activeFaults().some((f) => f.instanceId === instanceId))
      throw new Error(`no active fault "${instanceId}"`);
    this.state.sim.clearFault(instanceId);
    this.reportSnapshot('input');
  }

  alarmCommand(alarmId: string, action: 'ack' | 'shelve' | 'unshelve', minutes?: number): Alarm[] {
    this.state.alarms.command(alarmId, action, this.now(), minutes);
    return this.state.alarms.snapshot();
  }

  alarmSnapshot(): Alarm[] {
    return this.state.alarms.snapshot();
  }

  /**
   * A fresh plant with `seed`: default setpoints, no faults, no alarms. Its clock goes on from now, so the
   * plant's history continues on one time axis. A sandbox run is restarted with startRun, not here.
   */
  reset(seed = this.state.seed): void {
    if (this.currentRun)
      throw new Error(
        `the simulator plays "${this.currentRun.title}": end that run before resetting the plant`,
      );
    this.restart(freshSimulatorState(this.asset, seed, this.state.sim.simTime));
  }

  private restart(state: SimulatorState): void {
    this.state = state;
    this.pendingSimS = 0;
    this.reportSnapshot('start');
    this.options.onAlarms([]);
  }
}
