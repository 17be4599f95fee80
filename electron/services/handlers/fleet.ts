import { existsSync, readFileSync } from 'node:fs';
import nodePath from 'node:path';
import type { fleetRequestSchemas, ImportCmapssResult } from '../../../core/api/domains/fleet';
import { parseCmapss, type CmapssParseResult } from '../../../core/data/cmapss';
import { buildFleet, unitHistory, type FleetData, type ModelLookup } from '../../../core/fleet/fleet-data';
import { checkCmapssShape, ChunkedImports, CMAPSS_CHUNK_CHARS } from '../../../core/fleet/import-session';
import { subsetFromFileName, turbofanModelPath, type CmapssSubset } from '../../../core/fleet/subset';
import { parseModelCard } from '../../../core/ml/io/model-card';
import { said, type Said } from '../../../core/text/phrase';
import { readAssetFile } from '../asset-files';
import type { BackendContext } from '../backend-context';
import { FleetStore, fleetStorePath } from '../fleet/fleet-store';
import type { TwinHandlers } from '../twin-handlers';

export type FleetHandlers = Pick<TwinHandlers, keyof typeof fleetRequestSchemas>;

/** Bad lines listed back to the user; the rest are counted. */
const MAX_REPORTED_ERRORS = 50;

/** Reads the subset's model card, or says why there is no usable model. */
function lookupModel(appRoot: string, subset: CmapssSubset): ModelLookup {
  const dir = nodePath.join(appRoot, 'models', turbofanModelPath(subset));
  const card = nodePath.join(dir, 'model-card.json');
  if (!existsSync(card) || !existsSync(nodePath.join(dir, 'model.json'))) {
    const folder = `models/${turbofanModelPath(subset)}`;
    return {
      problem: said(
        'fleetNoModel',
        { subset, folder },
        `no model for ${subset} (${folder}/ has no trained model yet)`,
      ),
    };
  }
  try {
    return { card: parseModelCard(JSON.parse(readFileSync(card, 'utf8'))) };
  } catch (e) {
    const detail = (e as Error).message;
    return {
      problem: said(
        'fleetCardUnreadable',
        { subset, detail },
        `the ${subset} model card is unreadable: ${detail}`,
      ),
    };
  }
}

/**
 * Handlers of the fleet methods: imported C-MAPSS fleets, one per subset, are kept in the history folder's
 * fleets.duckdb and in memory; a restart brings them back. The running asset is left alone (the fleet view
 * is its own view).
 */
export function createFleetHandlers(ctx: BackendContext): FleetHandlers {
  const fleets = new Map<CmapssSubset, FleetData>();
  let latest: CmapssSubset | null = null;
  const chunked = new ChunkedImports<CmapssSubset>();
  ctx.onDispose(() => chunked.dispose());
  const path = fleetStorePath(ctx.dataDir);
  let storeProblem: Said | null = null;
  let asset: ReturnType<typeof readAssetFile> | null = null;
  const turbofanAsset = () =>
    (asset ??= readAssetFile(nodePath.join(ctx.appRoot, 'assets', 'turbofan', 'asset.json')));
  const build = (parsed: CmapssParseResult, subset: CmapssSubset, importedAt: number | null): FleetData => {
    const fleet = buildFleet(parsed, subset, lookupModel(ctx.appRoot, subset), turbofanAsset());
    fleet.summary.stored = importedAt === null ? null : { file: path, importedAt };
    const problem = importedAt === null ? storeProblem : null;
    fleet.summary.storeProblem = problem?.message ?? null;
    fleet.summary.storeProblemPhrase = problem?.phrase ?? null;
    return fleet;
  };
  // Opened once, at the first fleet call; the fleets stored by earlier runs come back then.
  let opening: Promise<FleetStore | null> | null = null;
  const store = (): Promise<FleetStore | null> =>
    (opening ??= (async () => {
      try {
        const s = await FleetStore.open(path);
        let newest = -Infinity;
        for (const f of await s.loadAll()) {
          fleets.set(f.subset, build(f.parsed, f.subset, f.importedAt));
          if (f.importedAt > newest) [newest, latest] = [f.importedAt, f.subset];
        }
        ctx.onDispose(() => s.close());
        return s;
      } catch (e) {
        const detail = (e as Error).message;
        storeProblem = said(
          'fleetStoreNotOpened',
          { path, detail },
          `imported fleets are not kept across restarts: ${path} could not be opened (${detail})`,
        );
        console.warn(storeProblem.message);
        return null;
      }
    })());
  const fleetOf = async (subset: CmapssSubset): Promise<FleetData> => {
    await store();
    const f = fleets.get(subset);
    if (!f) throw new Error(`no ${subset} fleet imported yet: import a C-MAPSS file first`);
    return f;
  };

  const subsetOf = (fileName: string, named: CmapssSubset | undefined): CmapssSubset => {
    const subset = named ?? subsetFromFileName(fileName);
    if (!subset)
      throw new Error(
        `cannot tell which C-MAPSS data set "${fileName}" is: keep NASA's file name (e.g. test_FD001.txt)`,
      );
    return subset;
  };
  const importText = async (
    fileName: string,
    text: string,
    subset: CmapssSubset,
  ): Promise<ImportCmapssResult> => {
    checkCmapssShape(text, fileName);
    const parsed = parseCmapss(text, fileName);
    if (parsed.errors.length > 0)
      return {
        ok: false,
        fileName,
        errorCount: parsed.errors.length,
        errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS),
      };
    const s = await store();
    let importedAt: number | null = null;
    if (s) {
      try {
        importedAt = Date.now();
        await s.save(subset, parsed, importedAt);
      } catch (e) {
        importedAt = null;
        const detail = (e as Error).message;
        storeProblem = said(
          'fleetNotSaved',
          { subset, path, detail },
          `the ${subset} fleet was not saved to ${path}: ${detail}`,
        );
      }
    }
    const fleet = build(parsed, subset, importedAt);
    fleets.set(subset, fleet);
    latest = subset;
    return { ok: true, fleet: fleet.summary };
  };

  return {
    importCmapss: (req): Promise<ImportCmapssResult> =>
      importText(req.fileName, req.text, subsetOf(req.fileName, req.subset)),
    importCmapssBegin: (req) => {
      // The data set is checked before any chunk is sent, so a misnamed file fails at once.
      const subset = subsetOf(req.fileName, req.subset);
      const importId = chunked.begin({ fileName: req.fileName, size: req.size }, subset);
      return { importId, chunkChars: CMAPSS_CHUNK_CHARS };
    },
    importCmapssChunk: (req) => ({
      received: chunked.chunk(req.importId, req.index, req.text),
    }),
    importCmapssCommit: (req): Promise<ImportCmapssResult> => {
      const { fileName, data, meta } = chunked.commit(req.importId);
      return importText(fileName, data, meta);
    },
    importCmapssAbort: (req) => chunked.abort(req.importId),
    fleetSummary: async (req) => {
      await store();
      const subset = req.subset ?? latest;
      return (subset && fleets.get(subset)?.summary) ?? null;
    },
    fleetTracks: async (req) => (await fleetOf(req.subset)).tracks,
    fleetUnit: async (req) => unitHistory(await fleetOf(req.subset), req.unit),
  };
}
