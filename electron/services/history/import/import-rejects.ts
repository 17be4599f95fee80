import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../store/schema';
import type { ImportFormat, RejectedRow } from './import-source';

/** Rejected rows listed in an import report; the rest are only counted (`rejectedCount`). */
export const MAX_LISTED_REJECTS = 1000;

/** The first rejected rows (by line) and how many there are in all. */
export interface RejectedRows {
  listed: RejectedRow[];
  count: number;
}

/**
 * File lines of staged rows without a timestamp, in one pass. A staged row number `rn` counts only accepted
 * lines, so its file line is `rn` (+ 1 for a CSV header) plus every rejected line at or before it; both lists
 * are ascending, so one pointer walks the rejected lines once.
 */
export function linesOfStagedRows(
  stagedRows: readonly number[],
  rejectedLines: readonly number[],
  headerLines: number,
): number[] {
  const lines: number[] = [];
  let j = 0;
  for (const rn of stagedRows) {
    let line = rn + headerLines + j;
    while (j < rejectedLines.length && rejectedLines[j]! <= line) {
      j++;
      line++;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The rows left out: for a CSV, the lines DuckDB rejected (the first problem found on each); then the staged
 * rows without a timestamp, located by line (one record per line; rejected lines are not in the stage). Only
 * the first MAX_LISTED_REJECTS by line are read out with their text; the others are counted in SQL.
 */
export async function rejectedRows(
  writer: DuckDBConnection,
  format: ImportFormat,
  tables: { stage: string; rejects: string; headerLines: number },
  timestampColumn: string,
): Promise<RejectedRows> {
  const cap = MAX_LISTED_REJECTS;
  const listed: RejectedRow[] = [];
  let rejectedLines: number[] = [];
  if (format === 'csv') {
    const rejects = ident(tables.rejects);
    const rows = (
      await writer.runAndReadAll(
        `SELECT line, column_name, error_type, error_message, csv_line FROM ${rejects}
         QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx) = 1 ORDER BY line LIMIT ${cap}`,
      )
    ).getRows();
    for (const r of rows)
      listed.push({
        line: Number(r[0]),
        column: r[1] == null ? null : String(r[1]),
        reason: `${String(r[2]).toLowerCase()}: ${String(r[3])}`,
        text: r[4] == null ? null : String(r[4]),
      });
    // Line numbers only (one column of integers), to place the rows without a timestamp.
    rejectedLines = await integers(writer, `SELECT DISTINCT line FROM ${rejects} ORDER BY line`);
  }
  const stage = ident(tables.stage);
  const noTsCount = Number(
    (await writer.runAndReadAll(`SELECT count(*) FROM ${stage} WHERE ts IS NULL`)).getRows()[0]?.[0] ?? 0,
  );
  if (noTsCount > 0) {
    // Line order follows rn order, so the first `cap` rows by rn hold the first `cap` lines.
    const firstNoTs = await integers(
      writer,
      `SELECT rn FROM ${stage} WHERE ts IS NULL ORDER BY rn LIMIT ${cap}`,
    );
    for (const line of linesOfStagedRows(firstNoTs, rejectedLines, tables.headerLines))
      listed.push({ line, column: timestampColumn, reason: 'missing timestamp', text: null });
    listed.sort((a, b) => a.line - b.line);
  }
  return { listed: listed.slice(0, cap), count: rejectedLines.length + noTsCount };
}

/** The first column of a query's result as numbers. */
async function integers(conn: DuckDBConnection, sql: string): Promise<number[]> {
  return ((await conn.runAndReadAll(sql)).getColumns()[0] ?? []).map(Number);
}
