import { createStore } from 'zustand/vanilla';
import type { LocalText } from '../../i18n/local-text';
import { useStore } from 'zustand';
import type { FleetSummary } from '../../../../core/api/domains/fleet';
import type { CmapssParseError } from '../../../../core/data/cmapss';
import type { SensorDriver } from '../../../../core/fleet/attribution';
import type { EngineColorMode, EngineColumns } from '../../../../core/fleet/engine-colors';
import type { FleetEngine, FleetFilter, FleetSortKey } from '../../../../core/fleet/sort-filter';
import type { CmapssSubset } from '../../../../core/fleet/subset';

export type FleetColorBy = 'rul' | 'anomaly';

/** The opened engine: its recorded history, predicted life at every cycle and what drives it. */
export interface EngineDetail extends EngineColumns {
  unit: number;
  cycles: Float64Array;
  /** Settings 1–3. */
  settings: Float32Array[];
  /** Sensors 1–21. */
  sensors: Float32Array[];
  /** Smoothed z-score of each deviation sensor at every cycle. */
  deviations: Float32Array[];
  /** Per cycle, cycles of life; null without a model. */
  trajectory: { mean: Float32Array; q10: Float32Array; q90: Float32Array } | null;
  drivers: SensorDriver[] | null;
}

/** How the opened engine's 3D components are colored; `sensor` is the 1-based sensor of sensor mode. */
export interface EngineColorBy {
  mode: EngineColorMode;
  sensor: number;
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
  /** The message is said in the language active when shown (a switch rewords it at once). */
  status: { kind: 'empty' | 'busy' | 'ready' | 'error'; message: LocalText };
  /** Why RUL is not shown, e.g. "no model for FD002", said in the language active when shown. */
  modelProblem: LocalText | null;
  /** Characters of the file being imported that the backend has received. */
  importProgress: { fileName: string; sent: number; total: number } | null;
  /** Last rejected file with its bad lines. */
  importErrors: { fileName: string; errorCount: number; errors: CmapssParseError[] } | null;
  /** Inference backend and the time of the last fleet-wide predict call. */
  inference: { backend: string; tickMs: number; engines: number } | null;
  /** Bumped to fly the camera to the selected engine. */
  flyToken: number;
  /** Coloring of the opened engine's 3D view. */
  engineColorBy: EngineColorBy;
  /** Opened engine's casings see-through. */
  engineXray: boolean;
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
    // FleetView words the empty state itself.
    message: () => '',
  },
  modelProblem: null,
  importErrors: null,
  importProgress: null,
  inference: null,
  flyToken: 0,
  engineColorBy: { mode: 'deviation', sensor: 4 },
  engineXray: true,
}));

export const useFleet = <T>(selector: (s: FleetState) => T): T => useStore(fleetStore, selector);

export const setSortKey = (sortKey: FleetSortKey) => fleetStore.setState({ sortKey });
export const setFilter = (filter: FleetFilter) => fleetStore.setState({ filter });
export const setFleetColorBy = (colorBy: FleetColorBy) => fleetStore.setState({ colorBy });
export const hoverUnit = (hoveredUnit: number | null) => fleetStore.setState({ hoveredUnit });
export const setEngineColorBy = (engineColorBy: EngineColorBy) => fleetStore.setState({ engineColorBy });
export const setEngineXray = (engineXray: boolean) => fleetStore.setState({ engineXray });
