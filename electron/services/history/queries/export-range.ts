import fs from 'node:fs';
import nodePath from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { HistoryStore } from '../store/history-store';
import { formatOf, type ExportOptions } from '../import/import-source';
import { ident, literal, qualityColumn, valueColumn } from '../store/schema';
import { csvExportHeader, csvHeaderText, localizedTagNames } from './export-header';

/**
 * Exports a time range (from ≤ ts < to) of committed samples with COPY … TO. Parquet: `timestamp` (a UTC
 * TIMESTAMP), then one column per tag named by its id. CSV: ISO 8601 UTC text, and two header lines, names with
 * units for people then ids for machines (export-header.ts).
 */
export async function exportRange(
  store: HistoryStore,
  file: string,
  options: ExportOptions,
): Promise<{ file: string; rows: number }> {
  const { reader, tables } = store.connections;
  const format = formatOf(file, options.format);
  const tagIds = options.tagIds ?? store.asset.tags.map((t) => t.id);
  const tags = tagIds.map((id) => {
    const tag = store.asset.tags.find((t) => t.id === id);
    if (!tag) throw new Error(`unknown tag "${id}"`);
    return tag;
  });
  if (!Number.isFinite(options.from) || !Number.isFinite(options.to))
    throw new Error('from and to must be finite');
  refuseExportTarget(store.path, file, options.overwrite === true);
  const tsExpr =
    format === 'csv'
      ? `strftime(make_timestamp(ts * 1000), '%Y-%m-%dT%H:%M:%S.%gZ')`
      : `make_timestamp(ts * 1000)`;
  const cols = tagIds.flatMap((id) => [
    `${ident(valueColumn(id))} AS ${ident(id)}`,
    ...(options.includeQuality ? [`${ident(qualityColumn(id))} AS ${ident(`${id}__quality`)}`] : []),
  ]);
  const select = `SELECT ${tsExpr} AS "timestamp"${cols.length ? `, ${cols.join(', ')}` : ''} FROM ${ident(tables.samples)} WHERE ts >= ${Math.floor(options.from)} AND ts < ${Math.floor(options.to)} ORDER BY ts`;
  if (format === 'parquet')
    return {
      file,
      rows: await runCopy(reader, `COPY (${select}) TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd)`),
    };
  // DuckDB writes one header line (and no PREFIX with HEADER): it writes the rows, the header lines go first.
  const rowsFile = `${file}.rows-${process.pid}.part`;
  try {
    const rows = await runCopy(reader, `COPY (${select}) TO ${literal(rowsFile)} (FORMAT csv, HEADER false)`);
    const names = localizedTagNames(store.asset, options.language);
    fs.writeFileSync(
      file,
      csvHeaderText(csvExportHeader(names(tags), options.includeQuality === true, options.language)),
    );
    await pipeline(fs.createReadStream(rowsFile), fs.createWriteStream(file, { flags: 'a' }));
    return { file, rows };
  } finally {
    fs.rmSync(rowsFile, { force: true });
  }
}

/** The store's own files: the database, its WAL, the commit mark (and its temporary) and set-aside copies. */
function isStoreFile(storePath: string, target: string): boolean {
  const base = nodePath.basename(storePath);
  const name = nodePath.basename(target);
  return (
    nodePath.dirname(target) === nodePath.dirname(storePath) && (name === base || name.startsWith(`${base}.`))
  );
}

/**
 * Refuses to write over the store's files or any DuckDB database (always), and over an existing file unless
 * `overwrite` is set: COPY … TO replaces a file without asking.
 */
function refuseExportTarget(storePath: string, file: string, overwrite: boolean): void {
  const target = realTarget(file);
  if (isStoreFile(realTarget(storePath), target) || /\.(duckdb|wal)$/i.test(target))
    throw new Error(
      `Cannot export to "${file}": it is a history database file (the store is ${storePath}); choose another file name.`,
    );
  if (!overwrite && fs.existsSync(target))
    throw new Error(
      `Cannot export to "${file}": the file already exists; choose another name or allow overwriting.`,
    );
  if (!fs.existsSync(nodePath.dirname(target)))
    throw new Error(`Cannot export to "${file}": the folder ${nodePath.dirname(target)} does not exist.`);
}

/** The path with its folder's links resolved (the file itself may not exist yet). */
function realTarget(file: string): string {
  const abs = nodePath.resolve(file);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return nodePath.join(fs.realpathSync(nodePath.dirname(abs)), nodePath.basename(abs));
    } catch {
      return abs;
    }
  }
}

async function runCopy(conn: DuckDBConnection, sql: string): Promise<number> {
  const r = await conn.run(sql);
  return r.rowsChanged;
}
