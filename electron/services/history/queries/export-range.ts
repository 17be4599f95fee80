import fs from 'node:fs';
import nodePath from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { HistoryStore } from '../store/history-store';
import { formatOf, type ExportOptions } from '../import/import-source';
import { ident, literal, qualityColumn, valueColumn } from '../store/schema';

/**
 * Exports a time range (from ≤ ts < to) of committed samples with COPY … TO. The first column is
 * `timestamp`: ISO 8601 UTC text in CSV, a TIMESTAMP (UTC) in Parquet; then one column per tag.
 */
export async function exportRange(
  store: HistoryStore,
  file: string,
  options: ExportOptions,
): Promise<{ file: string; rows: number }> {
  const { reader, tables } = store.connections;
  const format = formatOf(file, options.format);
  const tagIds = options.tagIds ?? store.asset.tags.map((t) => t.id);
  for (const id of tagIds)
    if (!store.asset.tags.some((t) => t.id === id)) throw new Error(`unknown tag "${id}"`);
  if (!Number.isFinite(options.from) || !Number.isFinite(options.to))
    throw new Error('from and to must be finite');
  fs.mkdirSync(nodePath.dirname(nodePath.resolve(file)), { recursive: true });
  const tsExpr =
    format === 'csv'
      ? `strftime(make_timestamp(ts * 1000), '%Y-%m-%dT%H:%M:%S.%gZ')`
      : `make_timestamp(ts * 1000)`;
  const cols = tagIds.flatMap((id) => [
    `${ident(valueColumn(id))} AS ${ident(id)}`,
    ...(options.includeQuality ? [`${ident(qualityColumn(id))} AS ${ident(`${id}__quality`)}`] : []),
  ]);
  const select = `SELECT ${tsExpr} AS "timestamp"${cols.length ? `, ${cols.join(', ')}` : ''} FROM ${ident(tables.samples)} WHERE ts >= ${Math.floor(options.from)} AND ts < ${Math.floor(options.to)} ORDER BY ts`;
  const opts = format === 'csv' ? `FORMAT csv, HEADER true` : `FORMAT parquet, COMPRESSION zstd`;
  const r = await runCopy(reader, `COPY (${select}) TO ${literal(file)} (${opts})`);
  return { file, rows: r };
}

async function runCopy(conn: DuckDBConnection, sql: string): Promise<number> {
  const r = await conn.run(sql);
  return r.rowsChanged;
}
