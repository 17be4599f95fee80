import type { DuckDBConnection } from '@duckdb/node-api';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { ident, literal, qualityColumn, rollupTagColumns, valueColumn } from './schema';

export const MINUTE_MS = 60_000;

/**
 * Brings a rollup table written by an older format up to date: adds the first/last and sample-time
 * columns (filled from the average and the minute bounds, which is what older readers assumed) and
 * columns of tags added to the asset since.
 */
export async function upgradeRollupTable(
  writer: DuckDBConnection,
  asset: AssetDefinition,
  rollup: string,
): Promise<void> {
  const names = new Set(
    (
      await writer.runAndReadAll(
        `SELECT column_name FROM duckdb_columns() WHERE table_name = ${literal(rollup)} AND database_name = current_database()`,
      )
    )
      .getRows()
      .map((r) => String(r[0])),
  );
  const wanted = [
    'ts BIGINT',
    'n INTEGER',
    't_first BIGINT',
    't_last BIGINT',
    ...asset.tags.flatMap((t) => rollupTagColumns(t.id)),
  ];
  for (const def of wanted) {
    const name = def.startsWith('"')
      ? def.slice(1, def.lastIndexOf('"')).replaceAll('""', '"')
      : def.split(' ')[0]!;
    if (!names.has(name)) await writer.run(`ALTER TABLE ${ident(rollup)} ADD COLUMN ${def}`);
  }
  const fill = asset.tags
    .filter((t) => names.has(`avg_${t.id}`) && !names.has(`first_${t.id}`))
    .map(
      (t) =>
        `${ident(`first_${t.id}`)} = ${ident(`avg_${t.id}`)}, ${ident(`last_${t.id}`)} = ${ident(`avg_${t.id}`)}`,
    );
  if (!names.has('t_first'))
    await writer.run(
      `UPDATE ${ident(rollup)} SET t_first = ts, t_last = ts + ${MINUTE_MS - 1}${fill.length ? `, ${fill.join(', ')}` : ''}`,
    );
}

/**
 * Recomputes the rollup rows of the minutes holding sample times fromTs..toTs from the raw samples
 * (minutes before rawFrom, whose raw rows retention removed, are left alone). Runs inside the caller's
 * transaction.
 */
export async function refreshRollup(
  writer: DuckDBConnection,
  asset: AssetDefinition,
  tables: { samples: string; rollup: string },
  fromTs: number,
  toTs: number,
  rawFrom: number,
): Promise<void> {
  const m0 = Math.max(Math.floor(fromTs / MINUTE_MS) * MINUTE_MS, rawFrom);
  const m1 = (Math.floor(toTs / MINUTE_MS) + 1) * MINUTE_MS;
  if (m1 <= m0) return;
  const cols = asset.tags
    .flatMap((t) =>
      [`avg_${t.id}`, `min_${t.id}`, `max_${t.id}`, qualityColumn(t.id), `first_${t.id}`, `last_${t.id}`].map(
        ident,
      ),
    )
    .join(', ');
  const aggs = asset.tags
    .map((t) => {
      const v = ident(valueColumn(t.id));
      return `avg(${v})::FLOAT, min(${v}), max(${v}), max(${ident(qualityColumn(t.id))}), arg_min(${v}, ts), arg_max(${v}, ts)`;
    })
    .join(', ');
  await writer.run(`DELETE FROM ${ident(tables.rollup)} WHERE ts >= ${m0} AND ts < ${m1}`);
  await writer.run(
    `INSERT INTO ${ident(tables.rollup)} (ts, n, t_first, t_last${cols ? `, ${cols}` : ''})
     SELECT ts // ${MINUTE_MS} * ${MINUTE_MS} AS m, count(*)::INTEGER, min(ts), max(ts)${aggs ? `, ${aggs}` : ''}
     FROM ${ident(tables.samples)} WHERE ts >= ${m0} AND ts < ${m1} GROUP BY m ORDER BY m`,
  );
}
