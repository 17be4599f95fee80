import type { DuckDBConnection } from '@duckdb/node-api';
import type { AssetDefinition } from '../../../../core/asset/schema';
import type { ColumnRole } from './chunk-writer';
import { ForeignStoreError, type Connection } from './open-recovering';
import { MINUTE_MS, refreshRollup, upgradeRollupTable } from './rollup';
import {
  STORE_APP,
  STORE_FORMAT_VERSION,
  createStatements,
  ident,
  literal,
  qualityColumn,
  valueColumn,
  type AssetTables,
} from './schema';
import { toNumber } from './store-types';

/**
 * WAL size that triggers an automatic checkpoint. With DuckDB's 16 MB default a sustained ingest
 * checkpoints every few commits, which doubled commit time and grew the file by 15 % in
 * bench-history. The cost: up to 256 MB of WAL on disk, all replayed at the next open after a crash.
 */
const CHECKPOINT_WAL_SIZE = '256MB';

/** Checks the file is ours, creates what is missing and opens the reader connection. */
export async function prepareConnection(
  path: string,
  conn: Connection,
  asset: AssetDefinition,
): Promise<DuckDBConnection> {
  const { writer, instance } = conn;
  const existing = (
    await writer.runAndReadAll(
      `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()`,
    )
  )
    .getRows()
    .map((r) => String(r[0]));
  if (existing.length > 0) {
    if (!existing.includes('meta'))
      throw new ForeignStoreError(
        `The file "${path}" is a DuckDB database from another program, not a Twinscape history store.`,
      );
    const app = (await writer.runAndReadAll(`SELECT value FROM meta WHERE key = 'app'`)).getRows()[0]?.[0];
    if (app !== STORE_APP)
      throw new ForeignStoreError(
        `The file "${path}" is a DuckDB database from another program, not a Twinscape history store.`,
      );
  }
  for (const sql of createStatements(asset)) await writer.run(sql);
  await writer.run(
    `INSERT OR IGNORE INTO meta VALUES ('app', ${literal(STORE_APP)}), ('format', '${STORE_FORMAT_VERSION}'), ('commit_seq', '0'), ('created', ${literal(new Date().toISOString())})`,
  );
  const reader = await instance.connect();
  for (const c of [writer, reader]) await c.run(`SET TimeZone = 'UTC'`);
  await writer.run(`SET checkpoint_threshold = '${CHECKPOINT_WAL_SIZE}'`);
  return reader;
}

/** The commit counter and newest raw and rolled-up sample times; the first read of every table. */
export async function readCommitState(
  writer: DuckDBConnection,
  tables: AssetTables,
): Promise<{ seq: number; lastTs: number | null; lastRollupTs: number | null }> {
  // First read of every table: a lazily discovered truncation fails here rather than mid-session.
  const { samples, rollup } = tables;
  const row = (
    await writer.runAndReadAll(
      `SELECT (SELECT value FROM meta WHERE key = 'commit_seq'), (SELECT max(ts) FROM ${ident(samples)}), (SELECT max(ts) FROM ${ident(rollup)}), (SELECT count(*) FROM events), (SELECT count(*) FROM alarms)`,
    )
  ).getRows()[0];
  return {
    seq: Number(row?.[0] ?? 0),
    lastTs: row?.[1] == null ? null : toNumber(row[1]),
    lastRollupTs: row?.[2] == null ? null : toNumber(row[2]),
  };
}

/** Where the rollup catch-up after a crash starts: the last rolled minute, else the first raw sample. */
export async function rollupCatchUpFrom(
  writer: DuckDBConnection,
  tables: AssetTables,
  lastRollupTs: number | null,
  lastTs: number,
): Promise<number> {
  const firstRaw = (
    await writer.runAndReadAll(`SELECT min(ts) FROM ${ident(tables.samples)}`)
  ).getRows()[0]?.[0];
  return lastRollupTs ?? (firstRaw == null ? lastTs : toNumber(firstRaw));
}

/** Maps the samples table's columns (which may carry columns of tags an older asset version had). */
export async function prepareLayout(
  writer: DuckDBConnection,
  asset: AssetDefinition,
  tables: AssetTables,
  tagIndex: Map<string, number>,
): Promise<ColumnRole[]> {
  const { samples } = tables;
  const columns = async () =>
    (
      await writer.runAndReadAll(
        `SELECT column_name FROM duckdb_columns() WHERE table_name = ${literal(samples)} AND database_name = current_database() ORDER BY column_index`,
      )
    )
      .getRows()
      .map((r) => String(r[0]));
  let names = await columns();
  for (const tag of asset.tags) {
    if (!names.includes(valueColumn(tag.id)))
      await writer.run(`ALTER TABLE ${ident(samples)} ADD COLUMN ${ident(valueColumn(tag.id))} FLOAT`);
    if (!names.includes(qualityColumn(tag.id)))
      await writer.run(`ALTER TABLE ${ident(samples)} ADD COLUMN ${ident(qualityColumn(tag.id))} UTINYINT`);
  }
  names = await columns();
  return names.map((name): ColumnRole => {
    if (name === 'ts') return { role: 'ts' };
    const id = name.slice(2);
    const k = tagIndex.get(id);
    if (name.startsWith('v_')) return k === undefined ? { role: 'null-float' } : { role: 'value', tag: k };
    if (name.startsWith('q_')) return k === undefined ? { role: 'null-q' } : { role: 'quality', tag: k };
    throw new Error(`unexpected column "${name}" in ${samples}`);
  });
}

/**
 * Format 1 kept rollups only for minutes removed by retention: add the newer columns and roll up
 * the raw samples once; from then on every commit keeps the rollup current. Returns rawFrom.
 */
export async function prepareRollup(
  writer: DuckDBConnection,
  asset: AssetDefinition,
  tables: AssetTables,
  lastRollupTs: number | null,
  initialRawFrom: number,
): Promise<number> {
  let rawFrom = initialRawFrom;
  const { samples, rollup } = tables;
  await upgradeRollupTable(writer, asset, rollup);
  const meta = (
    await writer.runAndReadAll(`SELECT key, value FROM meta WHERE key IN ('format', 'raw_from')`)
  ).getRows();
  const value = (k: string) => meta.find((r) => r[0] === k)?.[1];
  const storedRawFrom = value('raw_from');
  if (storedRawFrom !== undefined && storedRawFrom !== null) rawFrom = Number(storedRawFrom);
  if (Number(value('format')) >= STORE_FORMAT_VERSION) return rawFrom;
  if (lastRollupTs !== null && storedRawFrom === undefined) rawFrom = lastRollupTs + MINUTE_MS;
  const span = (await writer.runAndReadAll(`SELECT min(ts), max(ts) FROM ${ident(samples)}`)).getRows()[0];
  await writer.run('BEGIN TRANSACTION');
  try {
    if (span?.[0] != null && span[1] != null)
      await refreshRollup(writer, asset, tables, toNumber(span[0]), toNumber(span[1]), rawFrom);
    if (Number.isFinite(rawFrom))
      await writer.run(`INSERT OR REPLACE INTO meta VALUES ('raw_from', '${rawFrom}')`);
    await writer.run(`INSERT OR REPLACE INTO meta VALUES ('format', '${STORE_FORMAT_VERSION}')`);
    await writer.run('COMMIT');
  } catch (e) {
    await writer.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return rawFrom;
}
