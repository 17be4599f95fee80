import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../store/schema';
import type { ImportFormat, RejectedRow } from './import-source';

/**
 * The rows left out: for a CSV, the lines DuckDB rejected (the first problem found on each); then the staged
 * rows without a timestamp, located by line (one record per line; rejected lines are not in the stage).
 */
export async function rejectedRows(
  writer: DuckDBConnection,
  format: ImportFormat,
  tables: { stage: string; rejects: string },
  timestampColumn: string,
): Promise<RejectedRow[]> {
  const rejected: RejectedRow[] = [];
  if (format === 'csv') {
    const rows = (
      await writer.runAndReadAll(
        `SELECT line, column_name, error_type, error_message, csv_line FROM ${ident(tables.rejects)} ORDER BY line, column_idx`,
      )
    ).getRows();
    const seen = new Set<number>();
    for (const r of rows) {
      const line = Number(r[0]);
      if (seen.has(line)) continue;
      seen.add(line);
      rejected.push({
        line,
        column: r[1] == null ? null : String(r[1]),
        reason: `${String(r[2]).toLowerCase()}: ${String(r[3])}`,
        text: r[4] == null ? null : String(r[4]),
      });
    }
  }
  const noTs = (
    await writer.runAndReadAll(`SELECT rn FROM ${ident(tables.stage)} WHERE ts IS NULL ORDER BY rn`)
  )
    .getRows()
    .map((r) => Number(r[0]));
  if (noTs.length > 0) {
    const rejectLines = [...new Set(rejected.map((r) => r.line))].sort((a, b) => a - b);
    for (const rn of noTs) {
      let line = rn + (format === 'csv' ? 1 : 0);
      for (const rl of rejectLines) if (rl <= line) line++;
      rejected.push({ line, column: timestampColumn, reason: 'missing timestamp', text: null });
    }
    rejected.sort((a, b) => a.line - b.line);
  }
  return rejected;
}
