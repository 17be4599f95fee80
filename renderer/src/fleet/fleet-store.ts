import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { FleetSummary } from '../../../core/api/domains/fleet';
import type { CmapssParseError } from '../../../core/data/cmapss';
import type { SensorDriver } from '../../../core/fleet/attribution';
import type { FleetEngine, FleetFilter, FleetSortKey } from '../../../core/fleet/sort-filter';
import type { CmapssSubset } from '../../../core/fleet/subset';

export type FleetColorBy = 'rul' | 'anomaly';

/** The opened engine: its recorded history, predicted life at every cycle and what drives it. */
export interface EngineDetail {
  unit: number;
  cycles: Float64Array;
  /** Sensors 1–21. */
  sensors: Float32Array[];
  /** Per cycle, cycles of life; null without a model. */
  trajectory: { mean: Float32Array; q10: Float32Array; q90: Float32Array } | null;
  drivers: SensorDriver[] | null;
  /** Health deviation of each component at the last cycle (absolute z-score). */
  componentDeviation: Record<string, number>;
}

export interface FleetState {
  /** Fleets imported in this session, by subset. */
  fleets: Partial<Record<CmapssSubset, FleetSummary>>;
  /** The fleet on screen. */
  subset: CmapssSubset | null;
  /** Every engine of the fleet on screen, in unit order, with its latest prediction. */
  engines: FleetEngine[];
  sortKey: FleetSortKey;
  filter: FleetFilter;
  colorBy: FleetColorBy;
  /** Cycle shown (replay); null = every engine at its last recorded cycle. */
  cycle: number | null;
  selectedUnit: number | null;
  hoveredUnit: number | null;
  detail: EngineDetail | null;
  /** What the fleet is doing now, for the status line. */
  status: { kind: 'empty' | 'busy' | 'ready' | 'error'; message: string };
  /** Why RUL is not shown, e.g. "no model for FD002". */
  modelProblem: string | null;
  /** Last rejected file with its bad lines. */
  importErrors: { fileName: string; errorCount: number; errors: CmapssParseError[] } | null;
  /** Inference backend and the time of the last fleet-wide predict call. */
  inference: { backend: string; tickMs: number; engines: number } | null;
  /** Bumped to fly the camera to the selected engine. */
  flyToken: number;
}

export const fleetStore = createStore<FleetState>(() => ({
  fleets: {},
  subset: null,
  engines: [],
  sortKey: 'rul',
  filter: {},
  colorBy: 'rul',
  cycle: null,
  selectedUnit: null,
  hoveredUnit: null,
  detail: null,
  status: {
    kind: 'empty',
    message: 'Import a NASA C-MAPSS file (train_ or test_FD00x.txt) to see its fleet.',
  },
  modelProblem: null,
  importErrors: null,
  inference: null,
  flyToken: 0,
}));

export const useFleet = <T>(selector: (s: FleetState) => T): T => useStore(fleetStore, selector);

export const setSortKey = (sortKey: FleetSortKey) => fleetStore.setState({ sortKey });
export const setFilter = (filter: FleetFilter) => fleetStore.setState({ filter });
export const setFleetColorBy = (colorBy: FleetColorBy) => fleetStore.setState({ colorBy });
export const hoverUnit = (hoveredUnit: number | null) => fleetStore.setState({ hoveredUnit });
