/**
 * The fleet controller: imports a C-MAPSS file through the backend, holds the engines' model
 * features, and predicts the whole fleet in one batched call per tick.
 */
import type { FleetModelInfo, FleetSummary } from '../../../../core/api/domains/fleet';
import { decodeFloat32 } from '../../../../core/fleet/float-codec';
import { decodeRulOutputs } from '../../../../core/fleet/rul';
import type { FleetEngine } from '../../../../core/fleet/sort-filter';
import { CMAPSS_SUBSETS, type CmapssSubset } from '../../../../core/fleet/subset';
import { fleetWindows, rowAtCycle, type EngineFeatures } from '../../../../core/fleet/windows';
import { getTwinClient } from '../../api/client';
import { modelBaseUrl } from '../../api/model-url';
import { sendCmapssInChunks } from './chunked-upload';
import { fleetStore } from './fleet-store';
import { getInferenceClient } from '../../inference/shared-client';
import { loadRulModel } from '../../models/rul-model';
import { formatDateTime } from '../../format';
import { pushNotice } from '../../state/session-store';

/** Typed arrays of the fleet on screen (kept out of the store: they never re-render anything). */
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
/** Models already in the shared worker, so switching back to a subset does not load it again. */
const modelsInWorker = new Set<string>();

/** Model id in the app's one inference worker: "<asset>/<model>", beside "pump-skid/health". */
export const fleetModelId = (subset: CmapssSubset): string => `turbofan/${subset}`;

/** The app's one inference worker (one tfjs, one GPU device), shared with the health model. */
export const fleetInference = () => getInferenceClient(pushNotice);
let ticking: Promise<number> | null = null;
let tickAgain = false;

export const loadedFleet = (): LoadedFleet | null => loaded;
export const fleetModel = (): FleetModelInfo | null => (loaded?.features ? loaded.summary.model : null);

const busy = (message: string) => fleetStore.setState({ status: { kind: 'busy', message } });
const failed = (message: string) => fleetStore.setState({ status: { kind: 'error', message } });

/** Reads a C-MAPSS file the user picked and shows its fleet; bad lines are listed by number. */
export async function importCmapssFile(file: File): Promise<void> {
  busy(`Importing ${file.name}…`);
  try {
    const text = await file.text();
    const r = await sendCmapssInChunks(getTwinClient(), file.name, text, (sent, total) => {
      fleetStore.setState({ importProgress: { fileName: file.name, sent, total } });
      if (sent === total) busy(`Reading ${file.name}: checking ${(total / 1e6).toFixed(1)} MB…`);
    }).finally(() => fleetStore.setState({ importProgress: null }));
    if (!r.ok) {
      fleetStore.setState({
        importErrors: { fileName: r.fileName, errorCount: r.errorCount, errors: r.errors },
      });
      failed(`${r.fileName} was not imported: ${r.errorCount} bad line${r.errorCount === 1 ? '' : 's'}.`);
      return;
    }
    fleetStore.setState((s) => ({ importErrors: null, fleets: { ...s.fleets, [r.fleet.subset]: r.fleet } }));
    await showFleet(r.fleet);
  } catch (e) {
    failed(`Import of ${file.name} failed: ${(e as Error).message}`);
  }
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

let restoring: Promise<void> | null = null;
/**
 * Brings back the fleets imported in earlier sessions (the backend keeps them in fleets.duckdb) and shows
 * the latest; once per page, and only when nothing was imported in this one yet.
 */
export function restoreStoredFleets(): Promise<void> {
  return (restoring ??= (async () => {
    if (Object.keys(fleetStore.getState().fleets).length > 0) return;
    const client = getTwinClient();
    const found = (await Promise.all(CMAPSS_SUBSETS.map((subset) => client.fleetSummary({ subset })))).filter(
      (f) => f !== null,
    );
    // The newest import by its stored time; only fleets kept in memory alone need the backend's word.
    const stored = found.filter((f) => f.stored !== null);
    const latest = stored.length
      ? stored.reduce((a, b) => (b.stored!.importedAt > a.stored!.importedAt ? b : a))
      : await client.fleetSummary({});
    const fleets = Object.fromEntries(found.map((f) => [f.subset, f]));
    if (!latest || Object.keys(fleetStore.getState().fleets).length > 0) return;
    fleetStore.setState({ fleets });
    await showFleet(latest);
  })().catch((e: unknown) => failed(`Stored fleets could not be read: ${(e as Error).message}`)));
}

/** Switches the view to another imported subset. */
export async function showSubset(subset: CmapssSubset): Promise<void> {
  const summary = fleetStore.getState().fleets[subset];
  if (summary) await showFleet(summary);
}

async function showFleet(summary: FleetSummary): Promise<void> {
  busy(`Loading ${summary.units.length} engines of ${summary.subset}…`);
  const tracks = await getTwinClient().fleetTracks({ subset: summary.subset });
  const withModel = summary.model !== null && tracks.units.every((u) => u.features !== null);
  const features = withModel
    ? tracks.units.map((u) => ({ unit: u.unit, rows: u.rows, data: decodeFloat32(u.features!) }))
    : null;
  loaded = {
    summary,
    features,
    anomaly: tracks.units.map((u) => decodeFloat32(u.anomaly)),
    deviationSensors: tracks.deviationSensors,
    sourceUnits: tracks.units.map((u) => u.unit),
    modelId: null,
  };
  fleetStore.setState({
    subset: summary.subset,
    selectedUnit: null,
    hoveredUnit: null,
    detail: null,
    cycle: null,
    modelProblem: summary.modelProblem,
    engines: engineRows(loaded, null, null),
  });
  if (features && summary.model) {
    busy(`Loading the ${summary.subset} RUL model…`);
    try {
      const client = fleetInference();
      const info = await client.ready();
      const modelId = fleetModelId(summary.subset);
      if (!modelsInWorker.has(modelId)) {
        await loadRulModel(client, modelId, modelBaseUrl(), summary.model);
        modelsInWorker.add(modelId);
      }
      loaded.modelId = modelId;
      fleetStore.setState({ inference: { backend: info.backend, tickMs: Number.NaN, engines: 0 } });
      await predictFleet();
    } catch (e) {
      fleetStore.setState({ modelProblem: `RUL model could not run: ${(e as Error).message}` });
    }
  }
  fleetStore.setState({
    status: {
      kind: 'ready',
      message:
        `${summary.fileName}: ${summary.units.length} engines, ${summary.rows} cycles` +
        (summary.stored
          ? ` · kept in ${baseName(summary.stored.file)} (imported ${formatDateTime(summary.stored.importedAt)} UTC)`
          : summary.storeProblem
            ? ` · ${summary.storeProblem}`
            : ''),
    },
  });
}

/** Fleet rows at `cycle` with the given estimates (null: no prediction). */
function engineRows(
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

/**
 * One tick: every engine's window at the shown cycle in one batched predict call. Returns the
 * predict time in ms. A tick asked for while one runs is merged into one more run after it.
 */
export function predictFleet(): Promise<number> {
  if (ticking) {
    tickAgain = true;
    return ticking;
  }
  ticking = (async () => {
    let ms = Number.NaN;
    do {
      tickAgain = false;
      ms = await runTick();
    } while (tickAgain);
    return ms;
  })().finally(() => {
    ticking = null;
  });
  return ticking;
}

async function runTick(): Promise<number> {
  const fleet = loaded;
  const model = fleetModel();
  const cycle = fleetStore.getState().cycle;
  if (!fleet || !model || !fleet.features || !fleet.modelId) {
    if (fleet) fleetStore.setState({ engines: engineRows(fleet, cycle, null) });
    return Number.NaN;
  }
  const n = fleet.features.length;
  const x = fleetWindows(
    fleet.features,
    model.features,
    model.windowLength,
    cycle,
    undefined,
    model.maskChannel ?? undefined,
  );
  const t0 = performance.now();
  const [out] = await fleetInference().predict(fleet.modelId, [
    { data: x, shape: [n, model.windowLength, model.features] },
  ]);
  const ms = performance.now() - t0;
  if (!out) throw new Error('RUL model returned no output');
  if (loaded !== fleet) return ms;
  const est = decodeRulOutputs(out.data, n, model.rulCap);
  fleetStore.setState((s) => ({
    engines: engineRows(fleet, cycle, est),
    inference: { backend: s.inference?.backend ?? '?', tickMs: ms, engines: n },
  }));
  return ms;
}

/** Shows the fleet as it was at `cycle` (null: last recorded cycle) and predicts it. */
export function setFleetCycle(cycle: number | null): void {
  fleetStore.setState({ cycle });
  void predictFleet().catch((e: Error) => failed(`Prediction failed: ${e.message}`));
}

/** Benchmark aid: replaces the fleet on screen by `count` copies of its engines (units renumbered). */
export function replicateFleet(count: number): void {
  const fleet = loaded;
  if (!fleet) throw new Error('import a fleet first');
  const base = fleet.summary.units.length;
  const pick = <T>(list: readonly T[]) => Array.from({ length: count }, (_, i) => list[i % base]!);
  const units = pick(fleet.summary.units).map((u, i) => ({ ...u, unit: i + 1 }));
  loaded = {
    ...fleet,
    summary: { ...fleet.summary, units },
    features: fleet.features ? pick(fleet.features).map((f, i) => ({ ...f, unit: i + 1 })) : null,
    anomaly: pick(fleet.anomaly),
    sourceUnits: pick(fleet.sourceUnits),
  };
  fleetStore.setState({
    selectedUnit: null,
    detail: null,
    engines: engineRows(loaded, fleetStore.getState().cycle, null),
  });
}
