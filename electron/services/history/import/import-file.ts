import type { ImportReport } from '../../../../core/api/domains/history';
import type { HistoryStore } from '../store/history-store';
import { ident } from '../store/schema';
import { CancelGuard } from './import-cancel';
import { findColumns, stagingSelect } from './import-columns';
import { UPTO, type ImportJob } from './import-job';
import { mergeStaged } from './import-merge';
import { rejectedRows } from './import-rejects';
import { checkFile, formatOf, wrapParquetError, type ImportOptions } from './import-source';
import { trackProgress, withStatementProgress } from './statement-progress';

let importCounter = 0;

/**
 * Imports samples. Rules: rows are sorted by time; of several rows with the same timestamp the last one in
 * the file wins; a timestamp already in the store has its mapped tags overwritten (last write wins, tag by
 * tag; unmapped tags keep their values). Malformed CSV rows are rejected (DuckDB store_rejects) and listed
 * with their line numbers; the good rows are kept. Aborting `options.signal` before the merge commits
 * rejects with ImportCancelledError and stores nothing.
 */
export async function importFile(
  store: HistoryStore,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  checkFile(file);
  const format = formatOf(file, options.format);
  const mappings = Object.entries(options.columns).map(([column, tagId]) => {
    const tag = store.asset.tags.find((t) => t.id === tagId);
    if (!tag) throw new Error(`Column "${column}" is mapped to unknown tag "${tagId}".`);
    return { column, tag };
  });
  if (mappings.length === 0) throw new Error('Map at least one column to a tag.');
  const progress = options.onProgress ?? (() => undefined);
  const { writes } = store;

  // The file is read on a connection of its own, outside the serial queue, so live commits go on while a
  // large file is staged; only the merge (one transaction) waits its turn in the queue.
  return writes.alongside(async () => {
    const conn = await store.connections.connect();
    const connections = { ...store.connections, writer: conn };
    const guard = new CancelGuard(conn, file, options.signal);
    let untrack: () => Promise<void> = () => Promise.resolve();
    try {
      guard.check();
      untrack = await trackProgress(conn);
      return await stageAndMerge({ connections, writes, file, format, mappings, options, progress, guard });
    } catch (e) {
      throw guard.wrap(e);
    } finally {
      guard.close();
      await untrack();
      conn.closeSync();
    }
  });
}

/** Reads the file into a staging table, then merges it into the samples in one transaction. */
async function stageAndMerge(job: ImportJob): Promise<ImportReport> {
  const { connections, file, format, mappings, options, progress, guard } = job;
  const { writer } = connections;
  const n = ++importCounter;
  const stage = `import_stage_${n}`;
  const rejects = { table: `import_rejects_${n}`, scan: `import_scans_${n}` };
  const tsCol = options.timestampColumn;
  const mappedColumns = mappings.map((m) => m.column);

  const dialect = await findColumns(writer, file, format, options, [tsCol, ...mappedColumns]);
  const select = stagingSelect(file, options, mappedColumns, dialect, rejects);

  progress({ phase: 'reading', fraction: 0, cancellable: true });
  try {
    guard.check();
    await withStatementProgress(
      writer,
      0,
      UPTO.read,
      (fraction) => progress({ phase: 'reading', fraction, cancellable: true }),
      () => writer.run(`CREATE OR REPLACE TEMP TABLE ${ident(stage)} AS ${select}`),
    );
  } catch (e) {
    if (guard.cancelled) throw e;
    if (format === 'parquet') throw wrapParquetError(file, e);
    throw new Error(`Cannot import "${file}": ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }

  try {
    const headerLines = dialect ? dialect.skip + (dialect.hasHeader ? 1 : 0) : 0;
    const rejected = await rejectedRows(
      writer,
      format,
      { stage, rejects: rejects.table, headerLines },
      tsCol,
    );
    guard.check();

    const counts =
      (
        await writer.runAndReadAll(
          `SELECT count(*) FILTER (WHERE ts IS NOT NULL), count(DISTINCT ts), min(ts), max(ts) FROM ${ident(stage)}`,
        )
      ).getRows()[0] ?? [];
    const accepted = Number(counts[0] ?? 0);
    const distinct = Number(counts[1] ?? 0);
    const from = counts[2] == null ? null : Number(counts[2]);
    const to = counts[3] == null ? null : Number(counts[3]);
    const merging = (fraction: number) =>
      progress({ phase: 'merging', fraction, rows: accepted, cancellable: true });
    merging(UPTO.read);

    // Buffered live samples are committed first, so the file's values win over them at equal timestamps.
    const merged =
      distinct > 0
        ? await job.writes.serial(async () => {
            await job.writes.commitPending();
            return mergeStaged(job, { stage, accepted, from, to }, merging);
          })
        : { inserted: 0, updated: 0 };
    progress({ phase: 'done', fraction: 1 });
    return {
      file,
      format,
      rowsAccepted: accepted,
      rowsImported: distinct,
      rowsInserted: merged.inserted,
      rowsUpdated: merged.updated,
      duplicateTimestamps: accepted - distinct,
      rejected: rejected.listed,
      rejectedCount: rejected.count,
      from,
      to,
    };
  } finally {
    await writer.run(`DROP TABLE IF EXISTS ${ident(stage)}`);
    if (format === 'csv') {
      await writer.run(`DROP TABLE IF EXISTS ${ident(rejects.table)}`).catch(() => undefined);
      await writer.run(`DROP TABLE IF EXISTS ${ident(rejects.scan)}`).catch(() => undefined);
    }
  }
}
