import type { ActiveFault } from './types';
import { PLANT_FAULT_IDS, PUMP_SKID_TAG_IDS, SENSOR_FAULT_IDS } from './plant-constants';
import type { PlantFaultId } from './plant-constants';

export interface FaultSpec {
  faultId: string;
  /** Initial severity, 0..1. */
  severity: number;
  /** Severity gained per simulated hour (bearing wear accelerates from this rate). */
  growthPerHour: number;
  /** Tag a sensor fault acts on. */
  targetTag?: string;
  /**
   * Draws the fault's random numbers without acting. A "do nothing" run given the inert twin of a plan's
   * sensor fault stays on the same noise stream as the plan, so the two differ only by what the fault does.
   */
  inert?: boolean;
}

/** An injected fault as stored in the snapshot (plain JSON). */
export interface FaultInstance {
  instanceId: string;
  faultId: string;
  severity0: number;
  growthPerHour: number;
  onset: number;
  targetTag?: string;
  /** Index of targetTag in the tag list, -1 for plant faults. */
  tagIndex: number;
  /** Direction of drift/bias, ±1. */
  sign: number;
  /** Value a stuck sensor holds. */
  stuckValue: number;
  /** See FaultSpec.inert; absent for every fault a user injects. */
  inert?: true;
}

/** How hard wear accelerates: ds/dh = g · e^(k·s). */
const BEARING_ACCELERATION = 2.5;

const ALL_FAULT_IDS: readonly string[] = [...PLANT_FAULT_IDS, ...SENSOR_FAULT_IDS];

export function isSensorFault(faultId: string): boolean {
  return (SENSOR_FAULT_IDS as readonly string[]).includes(faultId);
}

/** Checks a fault request; throws an Error naming the offending field. */
export function validateFaultSpec(spec: FaultSpec): void {
  if (typeof spec.faultId !== 'string' || !ALL_FAULT_IDS.includes(spec.faultId))
    throw new Error(
      `faultId: unknown fault "${String(spec.faultId)}"; expected one of ${ALL_FAULT_IDS.join(', ')}`,
    );
  if (
    typeof spec.severity !== 'number' ||
    !Number.isFinite(spec.severity) ||
    spec.severity < 0 ||
    spec.severity > 1
  )
    throw new Error(`severity: must be a number in 0..1, got ${String(spec.severity)}`);
  if (
    typeof spec.growthPerHour !== 'number' ||
    !Number.isFinite(spec.growthPerHour) ||
    spec.growthPerHour < 0
  )
    throw new Error(`growthPerHour: must be a finite number >= 0, got ${String(spec.growthPerHour)}`);
  if (isSensorFault(spec.faultId)) {
    if (spec.targetTag === undefined || !(PUMP_SKID_TAG_IDS as readonly string[]).includes(spec.targetTag))
      throw new Error(
        `targetTag: sensor fault "${spec.faultId}" needs a valid tag id, got ${String(spec.targetTag)}`,
      );
  }
}

/** Severity at simulated time tMs: linear growth, or accelerating (exponential hazard) for bearing wear. */
export function severityAt(f: FaultInstance, tMs: number): number {
  const hours = Math.max(0, (tMs - f.onset) / 3_600_000);
  if (f.growthPerHour === 0) return f.severity0;
  if (f.faultId === 'bearing_wear') {
    const k = BEARING_ACCELERATION;
    const rest = Math.exp(-k * f.severity0) - k * f.growthPerHour * hours;
    return rest <= Math.exp(-k) ? 1 : Math.min(1, -Math.log(rest) / k);
  }
  return Math.min(1, f.severity0 + f.growthPerHour * hours);
}

export type PlantFaultLevels = Record<PlantFaultId, number>;

export function emptyFaultLevels(): PlantFaultLevels {
  return {
    bearing_wear: 0,
    impeller_wear: 0,
    cavitation: 0,
    seal_leak: 0,
    valve_stiction: 0,
    cooling_failure: 0,
  };
}

/** Current severity of each plant fault; several instances of one fault act as the worst of them. */
export function plantFaultLevels(faults: readonly FaultInstance[], tMs: number, out: PlantFaultLevels): void {
  out.bearing_wear = 0;
  out.impeller_wear = 0;
  out.cavitation = 0;
  out.seal_leak = 0;
  out.valve_stiction = 0;
  out.cooling_failure = 0;
  for (const f of faults) {
    if (f.tagIndex >= 0 || f.inert) continue;
    const id = f.faultId as PlantFaultId;
    out[id] = Math.max(out[id], severityAt(f, tMs));
  }
}

export function toActiveFault(f: FaultInstance, tMs: number): ActiveFault {
  const a: ActiveFault = {
    instanceId: f.instanceId,
    faultId: f.faultId,
    severity: severityAt(f, tMs),
    growthPerHour: f.growthPerHour,
    onset: f.onset,
  };
  if (f.targetTag !== undefined) a.targetTag = f.targetTag;
  return a;
}
