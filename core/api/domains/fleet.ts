// Fleet part of the TwinApi: request schemas, method signatures and pushed events.
// Each method listed in fleetRequestSchemas must appear in FleetApi with the same name.
import { z } from 'zod';
import { uploadChunkIndex, uploadFileName, uploadSize } from '../../upload/upload-schemas';
import type { CmapssParseError } from '../../data/cmapss';
import { CMAPSS_CHUNK_CHARS, MAX_CMAPSS_IMPORT_CHARS } from '../../fleet/import-session';
import { CMAPSS_SUBSETS } from '../../fleet/subset';
import type { FleetSummary, FleetTracks, FleetUnitHistory } from '../../fleet/types';

export type {
  FleetModelInfo,
  FleetSummary,
  FleetTracks,
  FleetUnitHistory,
  FleetUnitSummary,
} from '../../fleet/types';

/** Largest C-MAPSS file accepted, in characters (the WebSocket accepts 8 MiB per message). */
export const MAX_CMAPSS_TEXT = 8_000_000;

const subset = z.enum(CMAPSS_SUBSETS);
const importId = z.string().min(1).max(64);

/** Request schemas of the fleet methods, validated on arrival by the backend. */
export const fleetRequestSchemas = {
  importCmapss: z
    .object({
      fileName: z.string().min(1).max(512),
      /** Contents of a NASA C-MAPSS train_/test_FD00x.txt file. */
      text: z.string().max(MAX_CMAPSS_TEXT, `file is larger than ${MAX_CMAPSS_TEXT / 1e6} MB`),
      /** Data set the engines come from; read from the file name when absent. */
      subset: subset.optional(),
    })
    .strict(),
  /** Opens a chunked import (files over one WebSocket message); returns its id and the chunk size. */
  importCmapssBegin: z
    .object({
      fileName: uploadFileName,
      /** Characters of the whole file. */
      size: uploadSize(MAX_CMAPSS_IMPORT_CHARS, `file is larger than ${MAX_CMAPSS_IMPORT_CHARS / 1e6} MB`),
      subset: subset.optional(),
    })
    .strict(),
  importCmapssChunk: z
    .object({
      importId,
      index: uploadChunkIndex,
      text: z.string().max(CMAPSS_CHUNK_CHARS, `chunk is larger than ${CMAPSS_CHUNK_CHARS} characters`),
    })
    .strict(),
  /** Joins the chunks and imports the file as importCmapss does. */
  importCmapssCommit: z.object({ importId }).strict(),
  importCmapssAbort: z.object({ importId }).strict(),
  fleetSummary: z.object({ subset: subset.optional() }).strict(),
  fleetTracks: z.object({ subset }).strict(),
  fleetUnit: z.object({ subset, unit: z.number().int().positive() }).strict(),
} as const;

export type ImportCmapssResult =
  | { ok: true; fleet: FleetSummary }
  | { ok: false; fileName: string; errorCount: number; errors: CmapssParseError[] };

/** Fleet methods of the TwinApi. */
export interface FleetApi {
  /** Parses a C-MAPSS file into a fleet; a file with bad lines is refused, naming each line. */
  importCmapss(req: z.input<(typeof fleetRequestSchemas)['importCmapss']>): Promise<ImportCmapssResult>;
  importCmapssBegin(
    req: z.input<(typeof fleetRequestSchemas)['importCmapssBegin']>,
  ): Promise<{ importId: string; chunkChars: number }>;
  /** Resolves with the characters received so far. */
  importCmapssChunk(
    req: z.input<(typeof fleetRequestSchemas)['importCmapssChunk']>,
  ): Promise<{ received: number }>;
  importCmapssCommit(
    req: z.input<(typeof fleetRequestSchemas)['importCmapssCommit']>,
  ): Promise<ImportCmapssResult>;
  importCmapssAbort(req: z.input<(typeof fleetRequestSchemas)['importCmapssAbort']>): Promise<void>;
  /** The imported fleet of a subset (the latest import when none is named), or null. */
  fleetSummary(req: z.input<(typeof fleetRequestSchemas)['fleetSummary']>): Promise<FleetSummary | null>;
  fleetTracks(req: z.input<(typeof fleetRequestSchemas)['fleetTracks']>): Promise<FleetTracks>;
  /** One engine's recorded cycles. */
  fleetUnit(req: z.input<(typeof fleetRequestSchemas)['fleetUnit']>): Promise<FleetUnitHistory>;
}

/** Events the backend pushes for this domain. */
export type FleetEvent = never;
