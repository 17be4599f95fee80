/**
 * A C-MAPSS file sent in chunks: the WebSocket takes at most 8 MiB per message, and NASA's larger
 * training files (train_FD002 9.1 MB, train_FD004 10.4 MB) exceed it. Chunks arrive in order under an
 * import id; commit joins them once every declared character has arrived.
 */

/** Characters per chunk: under 8 MiB even if every character took 6 bytes as escaped JSON. */
export const CMAPSS_CHUNK_CHARS = 1_000_000;
/** Largest file accepted in chunks, in characters (NASA's largest file is 10.4 MB). */
export const MAX_CMAPSS_IMPORT_CHARS = 64_000_000;
/** Imports open at once; a new one beyond this evicts the least recently used. */
export const MAX_OPEN_IMPORTS = 4;
/** An import with no chunk for this long is dropped. */
export const IMPORT_IDLE_MS = 120_000;

export interface ImportStart {
  fileName: string;
  /** Total characters the renderer will send. */
  size: number;
}

interface OpenImport<M> extends ImportStart {
  meta: M;
  parts: string[];
  received: number;
  touched: number;
}

/** Open chunked imports, keyed by id; `meta` travels with an import to its commit. */
export class ChunkedImports<M> {
  private readonly open = new Map<string, OpenImport<M>>();
  private next = 1;

  constructor(private readonly now: () => number = () => Date.now()) {}

  begin(start: ImportStart, meta: M): string {
    if (!Number.isInteger(start.size) || start.size < 0)
      throw new Error(`${start.fileName}: size must be a whole number of characters, got ${start.size}`);
    if (start.size > MAX_CMAPSS_IMPORT_CHARS)
      throw new Error(
        `${start.fileName} is ${(start.size / 1e6).toFixed(1)} MB: files up to ${MAX_CMAPSS_IMPORT_CHARS / 1e6} MB are accepted`,
      );
    this.dropIdle();
    while (this.open.size >= MAX_OPEN_IMPORTS) {
      const oldest = [...this.open].sort((a, b) => a[1].touched - b[1].touched)[0]!;
      this.open.delete(oldest[0]);
    }
    const id = `cmapss-${this.next++}`;
    this.open.set(id, { ...start, meta, parts: [], received: 0, touched: this.now() });
    return id;
  }

  /** Adds chunk `index` (0-based, in order); returns the characters received so far. */
  chunk(id: string, index: number, text: string): number {
    const imp = this.get(id);
    if (index !== imp.parts.length)
      throw new Error(`${imp.fileName}: chunk ${index} arrived, expected chunk ${imp.parts.length}`);
    if (text.length > CMAPSS_CHUNK_CHARS)
      throw new Error(
        `${imp.fileName}: chunk ${index} holds ${text.length} characters, at most ${CMAPSS_CHUNK_CHARS}`,
      );
    if (imp.received + text.length > imp.size) {
      this.open.delete(id);
      throw new Error(
        `${imp.fileName}: more than the declared ${imp.size} characters arrived; import dropped`,
      );
    }
    imp.parts.push(text);
    imp.received += text.length;
    imp.touched = this.now();
    return imp.received;
  }

  /** Ends the import and returns the whole text; fails (and drops it) when characters are missing. */
  commit(id: string): { fileName: string; text: string; meta: M } {
    const imp = this.get(id);
    this.open.delete(id);
    if (imp.received !== imp.size)
      throw new Error(`${imp.fileName}: ${imp.received} of ${imp.size} characters arrived; import dropped`);
    return { fileName: imp.fileName, text: imp.parts.join(''), meta: imp.meta };
  }

  abort(id: string): void {
    this.open.delete(id);
  }

  get size(): number {
    return this.open.size;
  }

  private get(id: string): OpenImport<M> {
    this.dropIdle();
    const imp = this.open.get(id);
    if (!imp)
      throw new Error(
        `no open C-MAPSS import "${id}" (it ended, failed or sat idle too long): import the file again`,
      );
    return imp;
  }

  private dropIdle(): void {
    const t = this.now();
    for (const [id, imp] of this.open) if (t - imp.touched > IMPORT_IDLE_MS) this.open.delete(id);
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
