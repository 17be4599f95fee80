import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { walPath } from './integrity';
import { MINUTE_MS, refreshRollup } from './rollup';
import { SNAPSHOT_TABLE, ident } from './schema';
import { toNumber } from './store-types';

const DAY_MS = 86_400_000;
type Tables = { samples: string; rollup: string };

/** Start of the minute `rawDays` before `now`: raw samples before it are removed. */
export function retentionCutoff(now: number, rawDays: number): number {
  return Math.floor((now - rawDays * DAY_MS) / MINUTE_MS) * MINUTE_MS;
}

/**
 * Deletes raw samples before `cutoff` in one transaction; their minutes stay as rollups unless
 * `keepRollup` is false. Returns the new rawFrom with what was folded and deleted.
 */
export async function deleteRawBefore(
  writer: DuckDBConnection,
  tables: Tables,
  currentRawFrom: number,
  cutoff: number,
  keepRollup: boolean,
): Promise<{ rawFrom: number; rolledUpMinutes: number; deletedRows: number }> {
  const { samples, rollup } = tables;
  await writer.run('BEGIN TRANSACTION');
  try {
    const folded = keepRollup
      ? (
          await writer.runAndReadAll(
            `SELECT count(*) FROM ${ident(rollup)} WHERE ts < ${cutoff}${Number.isFinite(currentRawFrom) ? ` AND ts >= ${currentRawFrom}` : ''}`,
          )
        ).getRows()[0]?.[0]
      : (await writer.run(`DELETE FROM ${ident(rollup)} WHERE ts < ${cutoff}`), 0);
    const d = await writer.run(`DELETE FROM ${ident(samples)} WHERE ts < ${cutoff}`);
    await writer.run(`DELETE FROM ${SNAPSHOT_TABLE} WHERE ts < ${cutoff}`);
    const rawFrom = Math.max(currentRawFrom, cutoff);
    await writer.run(`INSERT OR REPLACE INTO meta VALUES ('raw_from', '${rawFrom}')`);
    await writer.run('COMMIT');
    return { rawFrom, rolledUpMinutes: toNumber(folded ?? 0), deletedRows: d.rowsChanged };
  } catch (e) {
    await writer.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/**
 * Deletes samples, rollup minutes, events and alarm transitions at or after `t` and stores commit
 * number `seq`, in one transaction. Returns the sample rows removed.
 */
export async function deleteFrom(
  writer: DuckDBConnection,
  asset: AssetDefinition,
  tables: Tables,
  rawFrom: number,
  t: number,
  seq: number,
): Promise<number> {
  const samples = ident(tables.samples);
  await writer.run('BEGIN TRANSACTION');
  try {
    const d = await writer.run(`DELETE FROM ${samples} WHERE ts >= ${t}`);
    await writer.run(
      `DELETE FROM ${ident(tables.rollup)} WHERE ts >= ${Math.floor(t / MINUTE_MS) * MINUTE_MS}`,
    );
    await refreshRollup(writer, asset, tables, t, t, rawFrom);
    await writer.run(`DELETE FROM events WHERE ts >= ${t}`);
    await writer.run(`DELETE FROM alarms WHERE ts >= ${t}`);
    await writer.run(`UPDATE meta SET value = '${seq}' WHERE key = 'commit_seq'`);
    await writer.run('COMMIT');
    return d.rowsChanged;
  } catch (e) {
    await writer.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Newest raw sample time, or null when the table is empty. */
export async function lastSampleTs(writer: DuckDBConnection, tables: Tables): Promise<number | null> {
  const last = (await writer.runAndReadAll(`SELECT max(ts) FROM ${ident(tables.samples)}`)).getRows()[0]?.[0];
  return last === null || last === undefined ? null : toNumber(last);
}

/** Bytes on disk: database plus write-ahead log. */
export function diskUsageOf(path: string): { bytes: number; databaseBytes: number; walBytes: number } {
  const size = (p: string) => {
    try {
      return fs.statSync(p).size;
    } catch {
      return 0;
    }
  };
  const databaseBytes = size(path);
  const walBytes = size(walPath(path));
  return { bytes: databaseBytes + walBytes, databaseBytes, walBytes };
}
