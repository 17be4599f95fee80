/**
 * The fleet controller: imports a C-MAPSS file through the backend, restores stored fleets, and shows
 * one (its engines' model features loaded, its RUL model in the worker; predictions in fleet-predict.ts).
 */
import type { FleetSummary } from '../../../../core/api/domains/fleet';
import { decodeFloat32 } from '../../../../core/fleet/float-codec';
import { CMAPSS_SUBSETS, type CmapssSubset } from '../../../../core/fleet/subset';
import { getTwinClient } from '../../api/client';
import { modelBaseUrl } from '../../api/model-url';
import { formatDateTime } from '../../format';
import { loadRulModel } from '../../models/rul-model';
import { sendCmapssInChunks } from './chunked-upload';
import { fleetInference, fleetModelId, predictFleet } from './fleet-predict';
import { fleetStore } from './fleet-store';
import { i18n } from '../../i18n/i18n';
import type { LocalText } from '../../i18n/local-text';
import { formatDecimals } from '../../i18n/number-format';
import { phraseText } from '../../i18n/phrase-text';
import { engineRows, loadedFleet, setLoadedFleet, type LoadedFleet } from './loaded-fleet';

/** Models already in the shared worker, so switching back to a subset does not load it again. */
const modelsInWorker = new Set<string>();

const busy = (message: LocalText) => fleetStore.setState({ status: { kind: 'busy', message } });
const failed = (message: LocalText) => fleetStore.setState({ status: { kind: 'error', message } });

/** Reads a C-MAPSS file the user picked and shows its fleet; bad lines are listed by number. */
export async function importCmapssFile(file: File): Promise<void> {
  busy(() => i18n.t('fleet:status.importing', { file: file.name }));
  try {
    const text = await file.text();
    const r = await sendCmapssInChunks(getTwinClient(), file.name, text, (sent, total) => {
      fleetStore.setState({ importProgress: { fileName: file.name, sent, total } });
      if (sent === total)
        busy(() =>
          i18n.t('fleet:status.checking', { file: file.name, size: formatDecimals(total / 1e6, 1) }),
        );
    }).finally(() => fleetStore.setState({ importProgress: null }));
    if (!r.ok) {
      fleetStore.setState({
        importErrors: { fileName: r.fileName, errorCount: r.errorCount, errors: r.errors },
      });
      failed(() => i18n.t('fleet:status.notImported', { file: r.fileName, count: r.errorCount }));
      return;
    }
    fleetStore.setState((s) => ({ importErrors: null, fleets: { ...s.fleets, [r.fleet.subset]: r.fleet } }));
    await showFleet(r.fleet);
  } catch (e) {
    const message = (e as Error).message;
    failed(() => i18n.t('fleet:status.importFailed', { file: file.name, message }));
  }
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** Why the fleet shows no RUL, from the backend's phrase, said in the language active when shown. */
const modelProblemText = ({ modelProblem, modelProblemPhrase }: FleetSummary): LocalText | null =>
  modelProblem === null ? null : () => phraseText(modelProblemPhrase, modelProblem);

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
  })().catch((e: unknown) =>
    failed(() => i18n.t('fleet:status.storedUnreadable', { message: (e as Error).message })),
  ));
}

/** Switches the view to another imported subset. */
export async function showSubset(subset: CmapssSubset): Promise<void> {
  const summary = fleetStore.getState().fleets[subset];
  if (summary) await showFleet(summary);
}

async function showFleet(summary: FleetSummary): Promise<void> {
  busy(() => i18n.t('fleet:status.loading', { count: summary.units.length, subset: summary.subset }));
  const tracks = await getTwinClient().fleetTracks({ subset: summary.subset });
  const withModel = summary.model !== null && tracks.units.every((u) => u.features !== null);
  const features = withModel
    ? tracks.units.map((u) => ({ unit: u.unit, rows: u.rows, data: decodeFloat32(u.features!) }))
    : null;
  const fleet: LoadedFleet = {
    summary,
    features,
    anomaly: tracks.units.map((u) => decodeFloat32(u.anomaly)),
    deviationSensors: tracks.deviationSensors,
    sourceUnits: tracks.units.map((u) => u.unit),
    modelId: null,
  };
  setLoadedFleet(fleet);
  fleetStore.setState({
    subset: summary.subset,
    selectedUnit: null,
    hoveredUnit: null,
    detail: null,
    cycle: null,
    modelProblem: modelProblemText(summary),
    engines: engineRows(fleet, null, null),
  });
  if (features && summary.model) {
    busy(() => i18n.t('fleet:status.loadingModel', { subset: summary.subset }));
    try {
      const client = fleetInference();
      const info = await client.ready();
      const modelId = fleetModelId(summary.subset);
      if (!modelsInWorker.has(modelId)) {
        await loadRulModel(client, modelId, modelBaseUrl(), summary.model);
        modelsInWorker.add(modelId);
      }
      fleet.modelId = modelId;
      fleetStore.setState({ inference: { backend: info.backend, tickMs: Number.NaN, engines: 0 } });
      await predictFleet();
    } catch (e) {
      const message = (e as Error).message;
      fleetStore.setState({ modelProblem: () => i18n.t('fleet:status.modelFailed', { message }) });
    }
  }
  fleetStore.setState({
    status: {
      kind: 'ready',
      message: () =>
        i18n.t('fleet:status.ready', {
          file: summary.fileName,
          engines: summary.units.length,
          cycles: summary.rows,
        }) +
        (summary.stored
          ? i18n.t('fleet:status.kept', {
              file: baseName(summary.stored.file),
              time: formatDateTime(summary.stored.importedAt),
            })
          : summary.storeProblem
            ? ` · ${phraseText(summary.storeProblemPhrase, summary.storeProblem)}`
            : ''),
    },
  });
}

/** Benchmark aid: replaces the fleet on screen by `count` copies of its engines (units renumbered). */
export function replicateFleet(count: number): void {
  const fleet = loadedFleet();
  if (!fleet) throw new Error('import a fleet first');
  const base = fleet.summary.units.length;
  const pick = <T>(list: readonly T[]) => Array.from({ length: count }, (_, i) => list[i % base]!);
  const units = pick(fleet.summary.units).map((u, i) => ({ ...u, unit: i + 1 }));
  const replicated: LoadedFleet = {
    ...fleet,
    summary: { ...fleet.summary, units },
    features: fleet.features ? pick(fleet.features).map((f, i) => ({ ...f, unit: i + 1 })) : null,
    anomaly: pick(fleet.anomaly),
    sourceUnits: pick(fleet.sourceUnits),
  };
  setLoadedFleet(replicated);
  fleetStore.setState({
    selectedUnit: null,
    detail: null,
    engines: engineRows(replicated, fleetStore.getState().cycle, null),
  });
}
