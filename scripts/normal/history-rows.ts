/** Raw rows of a history store (DuckDB) as a core/data SampleFrame, for training on a span of history. */
import type { SampleFrame } from '../../core/data/frame';
import { Quality } from '../../core/data/quality';
import type { HistoryStore } from '../../electron/services/history/store/history-store';
import { ident, qualityColumn, valueColumn } from '../../electron/services/history/store/schema';

export interface RowSpan {
  /** Epoch ms, inclusive; absent: from the first stored row. */
  from?: number;
  /** Epoch ms, inclusive; absent: to the last stored row. */
  to?: number;
  /** At most this many rows, the earliest first. */
  limit?: number;
}

/** The stored rows in `span`, every tag of the store's asset, `t` in epoch seconds; missing values NaN. */
export async function readHistoryRows(store: HistoryStore, span: RowSpan = {}): Promise<SampleFrame> {
  const tagIds = store.asset.tags.map((t) => t.id);
  const where = [
    span.from === undefined ? null : `ts >= ${Math.floor(span.from)}`,
    span.to === undefined ? null : `ts <= ${Math.floor(span.to)}`,
  ].filter((w) => w !== null);
  const columns = tagIds.flatMap((id) => [ident(valueColumn(id)), ident(qualityColumn(id))]);
  const sql =
    `SELECT ts, ${columns.join(', ')} FROM ${ident(store.connections.tables.samples)}` +
    `${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ts` +
    `${span.limit === undefined ? '' : ` LIMIT ${Math.floor(span.limit)}`}`;
  await store.flush();
  const rows = (await store.connections.reader.runAndReadAll(sql)).getRows();
  const n = rows.length;
  const frame: SampleFrame = {
    t: new Float64Array(n),
    tagIds,
    values: tagIds.map(() => new Float32Array(n)),
    quality: tagIds.map(() => new Uint8Array(n)),
  };
  rows.forEach((row, r) => {
    frame.t[r] = Number(row[0]) / 1000;
    tagIds.forEach((_, j) => {
      const value = row[1 + 2 * j];
      const quality = row[2 + 2 * j];
      const missing = value === null || value === undefined;
      frame.values[j]![r] = missing ? Number.NaN : Number(value);
      frame.quality[j]![r] = missing ? Quality.missing : Number(quality ?? Quality.good);
    });
  });
  return frame;
}
