import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FleetApi, ImportCmapssResult } from '../../../core/api/domains/fleet';
import { parseCmapss } from '../../../core/data/cmapss';
import { buildFleet, unitHistory, type FleetData, type ModelLookup } from '../../../core/fleet/fleet-data';
import { ChunkedImports, CMAPSS_CHUNK_CHARS } from '../../../core/fleet/import-session';
import { subsetFromFileName, turbofanModelPath, type CmapssSubset } from '../../../core/fleet/subset';
import { parseModelCard } from '../../../core/ml/io/model-card';
import { readAssetFile } from '../asset-files';
import type { BackendContext, PartialHandlers } from '../backend-context';

type Req<M extends keyof FleetApi> = Parameters<FleetApi[M]>[0];

/** Bad lines listed back to the user; the rest are counted. */
const MAX_REPORTED_ERRORS = 50;

/** Reads the subset's model card, or says why there is no usable model. */
function lookupModel(appRoot: string, subset: CmapssSubset): ModelLookup {
  const dir = path.join(appRoot, 'models', turbofanModelPath(subset));
  const card = path.join(dir, 'model-card.json');
  if (!existsSync(card) || !existsSync(path.join(dir, 'model.json')))
    return {
      problem: `no model for ${subset} (models/${turbofanModelPath(subset)}/ has no trained model yet)`,
    };
  try {
    return { card: parseModelCard(JSON.parse(readFileSync(card, 'utf8'))) };
  } catch (e) {
    return { problem: `the ${subset} model card is unreadable: ${(e as Error).message}` };
  }
}

/**
 * Handlers of the fleet methods: imported C-MAPSS fleets are kept in memory, one per subset; the
 * running asset is left alone (the fleet view is its own view).
 */
export function createFleetHandlers(ctx: BackendContext): PartialHandlers {
  const fleets = new Map<CmapssSubset, FleetData>();
  let latest: CmapssSubset | null = null;
  const chunked = new ChunkedImports<CmapssSubset>();
  const fleetOf = (subset: CmapssSubset): FleetData => {
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
  const importText = (fileName: string, text: string, subset: CmapssSubset): ImportCmapssResult => {
    const parsed = parseCmapss(text, fileName);
    if (parsed.errors.length > 0)
      return {
        ok: false,
        fileName,
        errorCount: parsed.errors.length,
        errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS),
      };
    const asset = readAssetFile(path.join(ctx.appRoot, 'assets', 'turbofan', 'asset.json'));
    const fleet = buildFleet(parsed, subset, lookupModel(ctx.appRoot, subset), asset);
    fleets.set(subset, fleet);
    latest = subset;
    return { ok: true, fleet: fleet.summary };
  };

  return {
    importCmapss: (req: Req<'importCmapss'>): ImportCmapssResult =>
      importText(req.fileName, req.text, subsetOf(req.fileName, req.subset)),
    importCmapssBegin: (req: Req<'importCmapssBegin'>) => {
      // The data set is checked before any chunk is sent, so a misnamed file fails at once.
      const subset = subsetOf(req.fileName, req.subset);
      const importId = chunked.begin({ fileName: req.fileName, size: req.size }, subset);
      return { importId, chunkChars: CMAPSS_CHUNK_CHARS };
    },
    importCmapssChunk: (req: Req<'importCmapssChunk'>) => ({
      received: chunked.chunk(req.importId, req.index, req.text),
    }),
    importCmapssCommit: (req: Req<'importCmapssCommit'>): ImportCmapssResult => {
      const { fileName, text, meta } = chunked.commit(req.importId);
      return importText(fileName, text, meta);
    },
    importCmapssAbort: (req: Req<'importCmapssAbort'>) => chunked.abort(req.importId),
    fleetSummary: (req: Req<'fleetSummary'>) => {
      const subset = req.subset ?? latest;
      return (subset && fleets.get(subset)?.summary) ?? null;
    },
    fleetTracks: (req: Req<'fleetTracks'>) => fleetOf(req.subset).tracks,
    fleetUnit: (req: Req<'fleetUnit'>) => unitHistory(fleetOf(req.subset), req.unit),
  };
}
