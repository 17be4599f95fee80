import { ident, qualityColumn, valueColumn } from '../store/schema';
import { UPTO, type ImportJob } from './import-job';
import { withStatementProgress } from './statement-progress';

/** What the staging table holds: rows with a timestamp and their time span. */
export interface StagedRows {
  stage: string;
  accepted: number;
  from: number | null;
  to: number | null;
}

/** SQL of the quality code of staged column c{i} against the tag's range: 3 missing, 2 out of range, 0 good. */
const qualityOf = (column: string, lo: number, hi: number) =>
  `CASE WHEN ${column} IS NULL OR isnan(${column}) THEN 3 WHEN ${column} < ${lo} OR ${column} > ${hi} THEN 2 ELSE 0 END`;
const valueOf = (column: string) => `CASE WHEN isnan(${column}) THEN NULL ELSE ${column} END::FLOAT`;

/**
 * Merges the staged rows into the samples in one transaction: the last row per timestamp wins, stored
 * timestamps get their mapped tags overwritten, new ones are inserted, the rollup is refreshed over the span.
 * `merging` reports progress; the guard can cancel until just before COMMIT.
 */
export async function mergeStaged(
  job: ImportJob,
  staged: StagedRows,
  merging: (fraction: number) => void,
): Promise<{ inserted: number; updated: number }> {
  const { connections, writes, mappings, guard, progress } = job;
  const { writer, tables } = connections;
  const { stage, accepted, from, to } = staged;
  const step = <T>(lo: number, hi: number, work: () => Promise<T>) =>
    withStatementProgress(writer, lo, hi, merging, work);
  const dedup = `${stage}_dedup`;
  guard.check();
  await writer.run(
    `CREATE OR REPLACE TEMP TABLE ${ident(dedup)} AS SELECT * FROM ${ident(stage)} WHERE ts IS NOT NULL QUALIFY row_number() OVER (PARTITION BY ts ORDER BY rn DESC) = 1`,
  );
  const stagedColumn = (i: number) => ident(`c${i}`);
  const fromDedup = (i: number) => `d.${ident(`c${i}`)}`;
  const samples = ident(tables.samples);
  let inserted = 0;
  let updated = 0;
  await writer.run('BEGIN TRANSACTION');
  try {
    const setList = mappings.map(
      (m, i) =>
        `${ident(valueColumn(m.tag.id))} = ${valueOf(fromDedup(i))}, ${ident(qualityColumn(m.tag.id))} = ${qualityOf(fromDedup(i), m.tag.range[0], m.tag.range[1])}`,
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
    const sel = mappings.flatMap((m, i) => [
      valueOf(stagedColumn(i)),
      qualityOf(stagedColumn(i), m.tag.range[0], m.tag.range[1]),
    ]);
    const ins = await step(UPTO.update, UPTO.insert, () =>
      writer.run(
        `INSERT INTO ${samples} (ts, ${cols.join(', ')}) SELECT ts, ${sel.join(', ')} FROM ${ident(dedup)} d WHERE NOT EXISTS (SELECT 1 FROM ${samples} s WHERE s.ts = d.ts AND s.ts BETWEEN ${from} AND ${to}) ORDER BY ts`,
      ),
    );
    inserted = ins.rowsChanged;
    merging(UPTO.insert);
    guard.check();
    if (from !== null && to !== null)
      await step(UPTO.insert, UPTO.rollup, () => writes.refreshRollup(from, to, writer));
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
  writes.noteImported(to);
  return { inserted, updated };
}
