import type { AssetDefinition } from '../../../../core/asset/schema';

/** Identifies a Twinscape history file in its `meta` table. */
export const STORE_APP = 'twinscape-history';
/** 2: the 1-minute rollup is kept at every commit and holds first/last and sample times. */
export const STORE_FORMAT_VERSION = 2;

/** DuckDB's default storage layout: 3 header blocks of 4 KiB, then 256 KiB blocks. */
export const DUCKDB_HEADER_BYTES = 3 * 4096;
export const DUCKDB_BLOCK_BYTES = 262_144;

export const EVENT_KINDS = [
  'fault-injection',
  'fault-clear',
  'control-change',
  'ack',
  'annotation',
  'bookmark',
] as const;
export type HistoryEventKind = (typeof EVENT_KINDS)[number];

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes an SQL string literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export const valueColumn = (tagId: string): string => `v_${tagId}`;
export const qualityColumn = (tagId: string): string => `q_${tagId}`;

/** Per-tag columns of the 1-minute rollup table: M4 per minute, the average and the worst quality. */
export function rollupTagColumns(tagId: string): string[] {
  return [
    `${ident(`avg_${tagId}`)} FLOAT`,
    `${ident(`min_${tagId}`)} FLOAT`,
    `${ident(`max_${tagId}`)} FLOAT`,
    `${ident(qualityColumn(tagId))} UTINYINT`,
    `${ident(`first_${tagId}`)} FLOAT`,
    `${ident(`last_${tagId}`)} FLOAT`,
  ];
}

/**
 * Simulator states for what-ifs from the past (see snapshots/snapshots.ts): one row per stored state, the JSON of a
 * PumpSkidSnapshot, deflated. Added after format 2 without a format bump: CREATE IF NOT EXISTS at every
 * open adds it to older files, and older builds ignore it.
 */
export const SNAPSHOT_TABLE = 'sim_snapshots';

/** Names of one asset's tables: its wide samples table and their 1-minute rollup. */
export interface AssetTables {
  samples: string;
  rollup: string;
}

/** Names of the per-asset tables. */
export function assetTables(assetId: string): AssetTables {
  return { samples: `samples__${assetId}`, rollup: `rollup_1m__${assetId}` };
}

/**
 * DDL of a store. The samples table is wide: one row per sample time, one FLOAT and one UTINYINT
 * quality column per tag, in asset tag order (the appender writes columns by position).
 */
export function createStatements(asset: AssetDefinition): string[] {
  const { samples, rollup } = assetTables(asset.id);
  const tagCols = asset.tags.map((t) => `${ident(valueColumn(t.id))} FLOAT`);
  const qCols = asset.tags.map((t) => `${ident(qualityColumn(t.id))} UTINYINT`);
  const rollupCols = asset.tags.flatMap((t) => rollupTagColumns(t.id));
  return [
    `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
    `CREATE TABLE IF NOT EXISTS events (ts BIGINT NOT NULL, asset_id VARCHAR, kind VARCHAR NOT NULL, payload VARCHAR)`,
    `CREATE TABLE IF NOT EXISTS alarms (ts BIGINT NOT NULL, asset_id VARCHAR, alarm_id VARCHAR NOT NULL, tag_id VARCHAR, kind VARCHAR, priority VARCHAR, from_state VARCHAR, to_state VARCHAR NOT NULL, value DOUBLE, message VARCHAR)`,
    `CREATE TABLE IF NOT EXISTS ${ident(samples)} (ts BIGINT NOT NULL, ${[...tagCols, ...qCols].join(', ')})`,
    `CREATE TABLE IF NOT EXISTS ${ident(rollup)} (ts BIGINT NOT NULL, n INTEGER, t_first BIGINT, t_last BIGINT, ${rollupCols.join(', ')})`,
    `CREATE TABLE IF NOT EXISTS ${SNAPSHOT_TABLE} (ts BIGINT NOT NULL, reason VARCHAR NOT NULL, step_s DOUBLE NOT NULL, state BLOB NOT NULL)`,
  ];
}
