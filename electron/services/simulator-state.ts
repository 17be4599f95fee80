import type { AssetDefinition } from '../../core/asset/schema';
import { AlarmEngine } from '../../core/alarms/alarm-engine';
import { createPumpSkidSimulator, type PumpSkidSimulator } from '../../core/sim';

/** One simulated plant: the real one, or a sandbox run's. */
export interface SimulatorState {
  sim: PumpSkidSimulator;
  seed: number;
  alarms: AlarmEngine;
  /** Simulated time of the last state reported; null at the start of a run. */
  lastSnapshotAt: number | null;
}

/** What a sandbox run takes over and gives back: the plant's simulator exactly as it was. */
export interface ParkedPlant {
  state: SimulatorState;
  running: boolean;
  speed: number;
}

/** A new plant with `seed`: the asset's default setpoints, no faults, no alarms, its clock at `startTime`. */
export function freshSimulatorState(
  asset: AssetDefinition,
  seed: number,
  startTime?: number,
): SimulatorState {
  const sim = createPumpSkidSimulator({ seed, ...(startTime !== undefined ? { startTime } : {}) });
  const known = new Set(Object.keys(sim.controls()));
  for (const c of asset.controls) if (known.has(c.id)) sim.setControl(c.id, c.default);
  return { sim, seed, alarms: new AlarmEngine(asset), lastSnapshotAt: null };
}

/** The asset's control, or an error listing the ones it has. */
export function requireControl(
  asset: AssetDefinition,
  controlId: string,
): AssetDefinition['controls'][number] {
  const control = asset.controls.find((c) => c.id === controlId);
  if (control) return control;
  throw new Error(
    `unknown control "${controlId}"; this asset has: ${asset.controls.map((c) => c.id).join(', ')}`,
  );
}

/** Throws, listing the asset's faults, when it has no fault `faultId`. */
export function requireFault(asset: AssetDefinition, faultId: string): void {
  if (!asset.faults.some((f) => f.id === faultId))
    throw new Error(
      `unknown fault "${faultId}"; this asset has: ${asset.faults.map((f) => f.id).join(', ')}`,
    );
}
