import type { ActiveFault } from './types';
import { isSensorFault, plantFaultLevels, toActiveFault, validateFaultSpec } from './faults';
import type { FaultInstance, FaultSpec } from './faults';
import { PUMP_SKID_CONTROLS, PUMP_SKID_TAG_IDS } from './plant-constants';
import { PlantModel } from './plant';
import { initialPlantState } from './initial-state';
import { Rng } from '../random/rng';
import { measure } from './sensors';
import type { PumpSkidSnapshot } from './state';
import { computeTruth, createTruthBuffer } from './truth';
import type { TruthBuffer } from './truth';

export interface PumpSkidSimulator {
  /** Exactly the asset.json tag ids, in asset.json order. */
  readonly tagIds: readonly string[];
  /** Simulated clock, ms since the Unix epoch. */
  readonly simTime: number;
  readonly seed: number;
  step(dtSeconds: number): void;
  sample(out: Float32Array): void;
  trueValue(tagId: string): number;
  setControl(controlId: string, value: number): void;
  controls(): Record<string, number>;
  injectFault(spec: FaultSpec): string;
  clearFault(instanceId: string): void;
  activeFaults(): ActiveFault[];
  snapshot(): PumpSkidSnapshot;
  restore(s: PumpSkidSnapshot): void;
}

export interface PumpSkidOptions {
  seed?: number;
  /** ms since epoch; default 2026-01-01T00:00Z. */
  startTime?: number;
  /** Hold ambient, demand and make-up temperature constant (for tests that need a quiet plant). */
  steadyEnvironment?: boolean;
}

/** Sub-step while something fast moves (ramps, valve actuator, level loop). */
const FINE_STEP_S = 0.1;
/** Sub-step once only the slow thermal and environmental states move; those integrate exactly. */
const COARSE_STEP_S = 30;

class PumpSkidSim implements PumpSkidSimulator {
  readonly tagIds: readonly string[] = PUMP_SKID_TAG_IDS;
  simTime: number;
  seed: number;
  private rng: Rng;
  private targets: Record<string, number>;
  private plant: PlantModel;
  private faults: FaultInstance[] = [];
  private nextFaultNo = 1;
  private readonly truth: TruthBuffer = createTruthBuffer();
  private truthStale = true;

  constructor(opts: PumpSkidOptions) {
    this.seed = (opts.seed ?? 1) >>> 0;
    this.simTime = opts.startTime ?? Date.UTC(2026, 0, 1);
    this.rng = new Rng(this.seed);
    this.targets = Object.fromEntries(PUMP_SKID_CONTROLS.map((c) => [c.id, c.default]));
    this.plant = new PlantModel(initialPlantState(this.targets), opts.steadyEnvironment ?? false);
    this.plant.settleAtStart(this.simTime / 1000);
    this.refreshTruth();
  }

  step(dtSeconds: number): void {
    if (!Number.isFinite(dtSeconds) || dtSeconds <= 0) return;
    // Fault levels and the algebraic state are already current for simTime (see refreshTruth).
    const start = this.simTime;
    let done = 0;
    while (done < dtSeconds - 1e-9) {
      const h = Math.min(
        dtSeconds - done,
        this.plant.isTransient(this.targets) ? FINE_STEP_S : COARSE_STEP_S,
      );
      if (done > 0) this.plant.evaluate(start / 1000 + done);
      this.plant.advance(h, this.targets, this.rng);
      done += h;
    }
    this.simTime = start + dtSeconds * 1000;
    plantFaultLevels(this.faults, this.simTime, this.plant.faults);
    this.refreshTruth();
  }

  sample(out: Float32Array): void {
    const truth = this.currentTruth();
    const n = Math.min(out.length, PUMP_SKID_TAG_IDS.length);
    for (let i = 0; i < n; i++) {
      out[i] = measure(
        i,
        truth.values[i] ?? NaN,
        truth.extraSigma[i] ?? 0,
        this.faults,
        this.simTime,
        this.rng,
      );
    }
  }

  trueValue(tagId: string): number {
    const i = PUMP_SKID_TAG_IDS.indexOf(tagId as (typeof PUMP_SKID_TAG_IDS)[number]);
    if (i < 0) throw new Error(`tagId: unknown tag "${tagId}"`);
    return this.currentTruth().values[i] ?? NaN;
  }

  setControl(controlId: string, value: number): void {
    const c = PUMP_SKID_CONTROLS.find((x) => x.id === controlId);
    if (c === undefined) throw new Error(`controlId: unknown control "${controlId}"`);
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`value: must be a finite number`);
    this.targets[controlId] = Math.min(c.max, Math.max(c.min, value));
  }

  controls(): Record<string, number> {
    return { ...this.targets };
  }

  injectFault(spec: FaultSpec): string {
    validateFaultSpec(spec);
    const instanceId = `${spec.faultId}-${this.nextFaultNo++}`;
    const tagIndex =
      isSensorFault(spec.faultId) && spec.targetTag !== undefined
        ? PUMP_SKID_TAG_IDS.indexOf(spec.targetTag as (typeof PUMP_SKID_TAG_IDS)[number])
        : -1;
    const f: FaultInstance = {
      instanceId,
      faultId: spec.faultId,
      severity0: spec.severity,
      growthPerHour: spec.growthPerHour,
      onset: this.simTime,
      tagIndex,
      sign: isSensorFault(spec.faultId) ? this.rng.sign() : 1,
      stuckValue: tagIndex >= 0 ? (this.currentTruth().values[tagIndex] ?? 0) : 0,
    };
    if (tagIndex >= 0 && spec.targetTag !== undefined) f.targetTag = spec.targetTag;
    if (spec.inert === true) f.inert = true;
    this.faults.push(f);
    plantFaultLevels(this.faults, this.simTime, this.plant.faults);
    this.refreshTruth();
    return instanceId;
  }

  clearFault(instanceId: string): void {
    this.faults = this.faults.filter((f) => f.instanceId !== instanceId);
    plantFaultLevels(this.faults, this.simTime, this.plant.faults);
    this.refreshTruth();
  }

  activeFaults(): ActiveFault[] {
    return this.faults.filter((f) => !f.inert).map((f) => toActiveFault(f, this.simTime));
  }

  snapshot(): PumpSkidSnapshot {
    return structuredCloneJson({
      version: 1,
      seed: this.seed,
      simTime: this.simTime,
      rngState: this.rng.state,
      steadyEnvironment: this.plant.steadyEnvironment,
      controls: this.targets,
      plant: this.plant.state,
      faults: this.faults,
      nextFaultNo: this.nextFaultNo,
    });
  }

  restore(s: PumpSkidSnapshot): void {
    if (s.version !== 1) throw new Error(`version: unsupported snapshot version ${String(s.version)}`);
    const copy = structuredCloneJson(s);
    this.seed = copy.seed;
    this.simTime = copy.simTime;
    this.rng = new Rng(0);
    this.rng.state = copy.rngState;
    this.targets = copy.controls;
    this.plant = new PlantModel(copy.plant, copy.steadyEnvironment);
    this.faults = copy.faults;
    this.nextFaultNo = copy.nextFaultNo;
    plantFaultLevels(this.faults, this.simTime, this.plant.faults);
    this.refreshTruth();
  }

  /** Re-evaluates the plant at simTime; tag values are filled lazily when someone reads them. */
  private refreshTruth(): void {
    this.plant.evaluate(this.simTime / 1000);
    this.truthStale = true;
  }

  private currentTruth(): TruthBuffer {
    if (this.truthStale) {
      computeTruth(this.plant, this.truth);
      this.truthStale = false;
    }
    return this.truth;
  }
}

function structuredCloneJson<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function createPumpSkidSimulator(opts: PumpSkidOptions = {}): PumpSkidSimulator {
  return new PumpSkidSim(opts);
}
