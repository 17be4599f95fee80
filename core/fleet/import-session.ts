/**
 * A C-MAPSS file sent in chunks: the WebSocket takes at most 8 MiB per message, and NASA's larger
 * training files (train_FD002 9.1 MB, train_FD004 10.4 MB) exceed it. Chunks arrive in order under an
 * import id; commit joins them once every declared character has arrived (core/upload/chunked-uploads.ts).
 */
import { ChunkedUploads, realClock, type UploadClock, type UploadLimits } from '../upload/chunked-uploads';

/** Characters per chunk: under 8 MiB even if every character took 6 bytes as escaped JSON. */
export const CMAPSS_CHUNK_CHARS = 1_000_000;
/** Largest file accepted in chunks, in characters (NASA's largest file is 10.4 MB). */
export const MAX_CMAPSS_IMPORT_CHARS = 64_000_000;
/** Imports open at once; a new one beyond this evicts the least recently used. */
export const MAX_OPEN_IMPORTS = 4;
/** An import with no chunk for this long is dropped. */
export const IMPORT_IDLE_MS = 120_000;

export const CMAPSS_UPLOAD_LIMITS: UploadLimits = {
  what: 'C-MAPSS import',
  idPrefix: 'cmapss',
  unit: 'characters',
  retry: 'import the file again',
  maxTotal: MAX_CMAPSS_IMPORT_CHARS,
  chunkSize: CMAPSS_CHUNK_CHARS,
  maxOpen: MAX_OPEN_IMPORTS,
  idleMs: IMPORT_IDLE_MS,
};

/** Open chunked C-MAPSS imports; `meta` (the data set) travels with an import to its commit. */
export class ChunkedImports<M> extends ChunkedUploads<string, string, M> {
  constructor(clock: UploadClock = realClock) {
    super(CMAPSS_UPLOAD_LIMITS, (parts) => parts.join(''), clock);
  }
}

/** Most engines in one imported file (NASA's largest, train_FD004, has 249). */
export const MAX_CMAPSS_UNITS = 2_000;
/** Most rows (engine cycles) in one imported file (train_FD004 has 61,249). */
export const MAX_CMAPSS_ROWS = 500_000;

/**
 * Counts rows and distinct engines with one scan of the text, before the parser builds per-engine columns
 * (each engine costs kilobytes, so a file of 120,000 one-row engines would take over a gigabyte); stops at
 * the first limit crossed and throws an error naming the file, the limit and NASA's largest file.
 */
export function checkCmapssShape(text: string, fileName: string): { rows: number; units: number } {
  const units = new Set<string>();
  let rows = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const unit = /^\s*(\S+)/.exec(text.slice(start, Math.min(end, start + 64)))?.[1];
    start = end + 1;
    if (unit === undefined) continue;
    if (++rows > MAX_CMAPSS_ROWS)
      throw new Error(
        `${fileName} has more than ${MAX_CMAPSS_ROWS.toLocaleString('en-US')} rows: C-MAPSS files up to that are accepted (train_FD004 has 61,249)`,
      );
    units.add(unit);
    if (units.size > MAX_CMAPSS_UNITS)
      throw new Error(
        `${fileName} has more than ${MAX_CMAPSS_UNITS.toLocaleString('en-US')} engines (first column): C-MAPSS files up to that are accepted (train_FD004 has 249)`,
      );
  }
  return { rows, units: units.size };
}
