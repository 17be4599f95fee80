import type { ImportReport } from '../../../../core/api/domains/history';
import type { TagDefinition } from '../../../../core/asset/schema';
import type { HistoryStore } from '../store/history-store';
import { CancelGuard } from './import-cancel';
import {
  checkFile,
  csvSource,
  formatOf,
  wrapParquetError,
  type ImportFormat,
  type ImportOptions,
  type ImportProgress,
  type RejectedRow,
} from './import-source';
import { ident, literal, qualityColumn, valueColumn } from '../store/schema';
import { trackProgress, withStatementProgress } from './statement-progress';

let importCounter = 0;

/** Where each step ends on the 0…1 progress scale (merging a large file into the store takes longest). */
const UPTO = { read: 0.3, update: 0.5, insert: 0.75, rollup: 0.95 } as const;

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

  return store.serial(async () => {
    const internals = store.internals();
    const guard = new CancelGuard(internals.writer, file, options.signal);
    let untrack: () => Promise<void> = () => Promise.resolve();
    try {
      guard.check();
      await internals.commitPending();
      untrack = await trackProgress(internals.writer);
      return await stageAndMerge({ internals, file, format, mappings, options, progress, guard });
    } catch (e) {
      throw guard.wrap(e);
    } finally {
      guard.close();
      await untrack();
    }
  });
}

interface ImportJob {
  internals: ReturnType<HistoryStore['internals']>;
  file: string;
  format: ImportFormat;
  mappings: { column: string; tag: TagDefinition }[];
  options: ImportOptions;
  progress: (p: ImportProgress) => void;
  guard: CancelGuard;
}

/** Reads the file into a staging table, then merges it into the samples in one transaction. */
async function stageAndMerge(job: ImportJob): Promise<ImportReport> {
  const { internals, file, format, mappings, options, progress, guard } = job;
  const { writer, tables, noteImported, refreshRollup } = internals;
  const n = ++importCounter;
  const stage = `import_stage_${n}`;
  const rejectsTable = `import_rejects_${n}`;
  const rejectsScan = `import_scans_${n}`;
  const tsCol = options.timestampColumn;

  // Detected columns first, so a wrong delimiter or a missing column gets a plain answer.
  const source0 =
    format === 'parquet'
      ? `read_parquet(${literal(file)})`
      : csvSource(file, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  let detected: string[];
  try {
    detected = (await writer.runAndReadAll(`DESCRIBE SELECT * FROM ${source0}`))
      .getRows()
      .map((r) => String(r[0]));
  } catch (e) {
    if (format === 'parquet') throw wrapParquetError(file, e);
    throw new Error(`Cannot read "${file}" as CSV: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  const wanted = [tsCol, ...mappings.map((m) => m.column)];
  let delimiter = options.delimiter;
  if (format === 'csv' && delimiter === undefined && wanted.some((c) => !detected.includes(c))) {
    // The sniffer can be misled by a few malformed lines; try the common delimiters explicitly.
    for (const d of [',', ';', '\t', '|']) {
      const cols = await writer
        .runAndReadAll(`DESCRIBE SELECT * FROM ${csvSource(file, { delimiter: d })}`)
        .then((r) => r.getRows().map((x) => String(x[0])))
        .catch(() => [] as string[]);
      if (wanted.every((c) => cols.includes(c))) {
        detected = cols;
        delimiter = d;
        break;
      }
    }
  }
  const missing = wanted.filter((c) => !detected.includes(c));
  if (missing.length > 0) {
    const hint =
      detected.length === 1 && /[;\t|,]/.test(detected[0] ?? '')
        ? ` The file seems to use another delimiter (one column "${detected[0]}" was found).`
        : '';
    throw new Error(
      `Cannot import "${file}": column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} not found; the file has ${detected.map((c) => `"${c}"`).join(', ')}.${hint}`,
    );
  }

  const tsType = options.timestampFormat === 'iso' ? 'TIMESTAMPTZ' : 'DOUBLE';
  const tsExpr =
    options.timestampFormat === 'iso'
      ? `epoch_ms(CAST(${ident(tsCol)} AS TIMESTAMPTZ))`
      : options.timestampFormat === 'epoch-s'
        ? `CAST(round(CAST(${ident(tsCol)} AS DOUBLE) * 1000) AS BIGINT)`
        : `CAST(round(CAST(${ident(tsCol)} AS DOUBLE)) AS BIGINT)`;
  const types: Record<string, string> = { [tsCol]: tsType };
  for (const m of mappings) types[m.column] = 'DOUBLE';
  const source =
    format === 'parquet'
      ? `read_parquet(${literal(file)})`
      : csvSource(file, {
          ...(delimiter === undefined ? {} : { delimiter }),
          types,
          rejects: { table: rejectsTable, scan: rejectsScan },
        });
  const valueCols = mappings
    .map((m, i) => `CAST(${ident(m.column)} AS DOUBLE) AS ${ident(`c${i}`)}`)
    .join(', ');

  progress({ phase: 'reading', fraction: 0, cancellable: true });
  try {
    guard.check();
    await withStatementProgress(
      writer,
      0,
      UPTO.read,
      (fraction) => progress({ phase: 'reading', fraction, cancellable: true }),
      () =>
        writer.run(
          `CREATE OR REPLACE TEMP TABLE ${ident(stage)} AS SELECT row_number() OVER () AS rn, ${tsExpr} AS ts, ${valueCols} FROM ${source}`,
        ),
    );
  } catch (e) {
    if (guard.cancelled) throw e;
    if (format === 'parquet') throw wrapParquetError(file, e);
    throw new Error(`Cannot import "${file}": ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }

  try {
    const rejected: RejectedRow[] = [];
    if (format === 'csv') {
      const rows = (
        await writer.runAndReadAll(
          `SELECT line, column_name, error_type, error_message, csv_line FROM ${ident(rejectsTable)} ORDER BY line, column_idx`,
        )
      ).getRows();
      const seen = new Set<number>();
      for (const r of rows) {
        const line = Number(r[0]);
        // One entry per line: the first problem DuckDB found on it.
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
    // Rows without a timestamp: locate them (one record per line; rejected lines are not in the stage).
    const noTs = (await writer.runAndReadAll(`SELECT rn FROM ${ident(stage)} WHERE ts IS NULL ORDER BY rn`))
      .getRows()
      .map((r) => Number(r[0]));
    if (noTs.length > 0) {
      const rejectLines = [...new Set(rejected.map((r) => r.line))].sort((a, b) => a - b);
      for (const rn of noTs) {
        let line = rn + (format === 'csv' ? 1 : 0);
        for (const rl of rejectLines) if (rl <= line) line++;
        rejected.push({ line, column: tsCol, reason: 'missing timestamp', text: null });
      }
      rejected.sort((a, b) => a.line - b.line);
    }
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
    const step = <T>(lo: number, hi: number, work: () => Promise<T>) =>
      withStatementProgress(writer, lo, hi, merging, work);
    merging(UPTO.read);

    let inserted = 0;
    let updated = 0;
    if (distinct > 0) {
      const dedup = `${stage}_dedup`;
      guard.check();
      await writer.run(
        `CREATE OR REPLACE TEMP TABLE ${ident(dedup)} AS SELECT * FROM ${ident(stage)} WHERE ts IS NOT NULL QUALIFY row_number() OVER (PARTITION BY ts ORDER BY rn DESC) = 1`,
      );
      const q = (i: number, lo: number, hi: number) =>
        `CASE WHEN ${ident(`c${i}`)} IS NULL OR isnan(${ident(`c${i}`)}) THEN 3 WHEN ${ident(`c${i}`)} < ${lo} OR ${ident(`c${i}`)} > ${hi} THEN 2 ELSE 0 END`;
      const val = (i: number) =>
        `CASE WHEN isnan(${ident(`c${i}`)}) THEN NULL ELSE ${ident(`c${i}`)} END::FLOAT`;
      const samples = ident(tables.samples);
      await writer.run('BEGIN TRANSACTION');
      try {
        const setList = mappings.map(
          (m, i) =>
            `${ident(valueColumn(m.tag.id))} = ${val(i).replaceAll(ident(`c${i}`), `d.${ident(`c${i}`)}`)}, ${ident(qualityColumn(m.tag.id))} = ${q(i, m.tag.range[0], m.tag.range[1]).replaceAll(ident(`c${i}`), `d.${ident(`c${i}`)}`)}`,
        );
        const u = await step(UPTO.read, UPTO.update, () =>
          writer.run(
            `UPDATE ${samples} SET ${setList.join(', ')} FROM ${ident(dedup)} d WHERE ${samples}.ts = d.ts AND ${samples}.ts BETWEEN ${from} AND ${to}`,
          ),
        );
        updated = u.rowsChanged;
        merging(UPTO.update);
        guard.check();
        const cols = mappings.flatMap((m) => [ident(valueColumn(m.tag.id)), ident(qualityColumn(m.tag.id))]);
        const sel = mappings.flatMap((m, i) => [val(i), q(i, m.tag.range[0], m.tag.range[1])]);
        const ins = await step(UPTO.update, UPTO.insert, () =>
          writer.run(
            `INSERT INTO ${samples} (ts, ${cols.join(', ')}) SELECT ts, ${sel.join(', ')} FROM ${ident(dedup)} d WHERE NOT EXISTS (SELECT 1 FROM ${samples} s WHERE s.ts = d.ts AND s.ts BETWEEN ${from} AND ${to}) ORDER BY ts`,
          ),
        );
        inserted = ins.rowsChanged;
        merging(UPTO.insert);
        guard.check();
        if (from !== null && to !== null) await step(UPTO.insert, UPTO.rollup, () => refreshRollup(from, to));
        guard.check();
        guard.close();
        progress({ phase: 'merging', fraction: UPTO.rollup, rows: accepted, cancellable: false });
        await writer.run('COMMIT');
      } catch (e) {
        await writer.run('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        await writer.run(`DROP TABLE IF EXISTS ${ident(dedup)}`);
      }
      noteImported(to);
    }
    progress({ phase: 'done', fraction: 1 });
    return {
      file,
      format,
      rowsAccepted: accepted,
      rowsImported: distinct,
      rowsInserted: inserted,
      rowsUpdated: updated,
      duplicateTimestamps: accepted - distinct,
      rejected,
      from,
      to,
    };
  } finally {
    await writer.run(`DROP TABLE IF EXISTS ${ident(stage)}`);
    if (format === 'csv') {
      await writer.run(`DROP TABLE IF EXISTS ${ident(rejectsTable)}`).catch(() => undefined);
      await writer.run(`DROP TABLE IF EXISTS ${ident(rejectsScan)}`).catch(() => undefined);
    }
  }
}
