import fs from 'node:fs';
import type { ImportReport } from '../../../../core/api/domains/history';
import type { Language } from '../../../../core/api/languages';
import { literal } from '../store/schema';

export type ImportFormat = 'csv' | 'parquet';
/** 'iso': ISO 8601 with or without a zone (no zone = UTC); 'epoch-s' / 'epoch-ms': seconds or milliseconds since 1970 UTC. */
export type TimestampFormat = 'iso' | 'epoch-s' | 'epoch-ms';

export interface ImportMapping {
  /** Default: from the file extension (.parquet/.pq → parquet, otherwise CSV). */
  format?: ImportFormat;
  timestampColumn: string;
  timestampFormat: TimestampFormat;
  /** File column → tag id. */
  columns: Record<string, string>;
  /** CSV only; detected when absent. */
  delimiter?: string;
}

export interface ImportProgress {
  phase: 'reading' | 'merging' | 'done';
  /** 0…1 within the whole import. */
  fraction: number;
  /** File rows read so far (reading) or rows staged for the merge (merging), when known. */
  rows?: number;
  /** False once the merge is committing: a cancel would come too late. */
  cancellable?: boolean;
}

export interface ImportOptions extends ImportMapping {
  onProgress?: (p: ImportProgress) => void;
  /** Aborting cancels the import; nothing of it is stored (see import-cancel.ts). */
  signal?: AbortSignal;
}

/** One file line the import left out, and why. */
export type RejectedRow = ImportReport['rejected'][number];

export interface ExportOptions {
  from: number;
  to: number;
  tagIds?: readonly string[];
  format?: ImportFormat;
  /** Adds a `<tag>__quality` column per tag. */
  includeQuality?: boolean;
  /** Replace an existing file; without it an existing file is refused. The store's own files are always refused. */
  overwrite?: boolean;
  /** The language of a CSV's header line for people (default English). */
  language?: Language;
}

export const formatOf = (file: string, format?: ImportFormat): ImportFormat =>
  format ?? (/\.(parquet|pq)$/i.test(file) ? 'parquet' : 'csv');

export function checkFile(file: string): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new Error(`Cannot import "${file}": the file does not exist.`);
  }
  if (size === 0) throw new Error(`Cannot import "${file}": the file is empty (0 bytes).`);
}

export function wrapParquetError(file: string, e: unknown): Error {
  const msg = (e as Error).message.split('\n')[0] ?? '';
  return new Error(
    `Cannot read the Parquet file "${file}": it is truncated or not a Parquet file (${msg}).`,
    { cause: e },
  );
}

export function csvSource(
  file: string,
  opts: {
    delimiter: string;
    hasHeader: boolean;
    /** Lines before the header line. */
    skip?: number;
    types?: Record<string, string>;
    rejects?: { table: string; scan: string };
  },
): string {
  // The delimiter and header come from a majority vote (csv-dialect.ts): DuckDB's sniffer can be misled by a
  // few malformed lines into another delimiter for the whole file.
  const args = [literal(file), `header = ${opts.hasHeader}`, `delim = ${literal(opts.delimiter)}`];
  if (opts.skip) args.push(`skip = ${Math.floor(opts.skip)}`);
  // Without a rejects table the sniffer gives up on a file with a few malformed lines; padding lets it describe them.
  if (!opts.rejects) args.push('null_padding = true');
  if (opts.types)
    args.push(
      `types = {${Object.entries(opts.types)
        .map(([k, v]) => `${literal(k)}: ${literal(v)}`)
        .join(', ')}}`,
    );
  if (opts.rejects)
    args.push(
      `store_rejects = true, rejects_table = ${literal(opts.rejects.table)}, rejects_scan = ${literal(opts.rejects.scan)}`,
    );
  return `read_csv(${args.join(', ')})`;
}
