/** The fleet on screen as typed arrays, kept out of the store because they never re-render anything. */
import type { FleetModelInfo, FleetSummary } from '../../../../core/api/domains/fleet';
import { rowAtCycle, type EngineFeatures } from '../../../../core/fleet/windows';
import type { FleetEngine } from '../../../../core/fleet/sort-filter';

export interface LoadedFleet {
  summary: FleetSummary;
  /** Model features per engine, or null without a usable model. */
  features: EngineFeatures[] | null;
  anomaly: Float32Array[];
  /** Sensors (1-based) of the backend's health-deviation columns. */
  deviationSensors: number[];
  /** Unit number in the imported file of each engine (differs in replicated benchmark fleets). */
  sourceUnits: number[];
  modelId: string | null;
}

let loaded: LoadedFleet | null = null;

export const loadedFleet = (): LoadedFleet | null => loaded;
export const setLoadedFleet = (fleet: LoadedFleet): void => {
  loaded = fleet;
};
export const fleetModel = (): FleetModelInfo | null => (loaded?.features ? loaded.summary.model : null);

/** Fleet rows at `cycle` with the given estimates (null: no prediction). */
export function engineRows(
  fleet: LoadedFleet,
  cycle: number | null,
  est: { mean: Float32Array; std: Float32Array } | null,
): FleetEngine[] {
  return fleet.summary.units.map((u, i) => {
    const row = rowAtCycle(u.cycles, cycle);
    return {
      unit: u.unit,
      cycles: row + 1,
      rul: est ? est.mean[i]! : null,
      rulStd: est ? est.std[i]! : null,
      anomaly: fleet.anomaly[i]![row] ?? 0,
    };
  });
}
