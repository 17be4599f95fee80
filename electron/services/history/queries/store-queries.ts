import type { DuckDBConnection, DuckDBMaterializedResult } from '@duckdb/node-api';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { Quality } from '../../../../core/data/quality';
import { ident, literal, qualityColumn, valueColumn, type HistoryEventKind } from '../store/schema';
import {
  finiteInt,
  toNumber,
  type AlarmTransition,
  type HistoryEvent,
  type PlayheadState,
  type WindowQuery,
  type WindowResult,
} from '../store/store-types';
import { bucketGrid, planWindow } from './window-query';

/** What the read-side queries need from an open store (read on the reader connection only). */
export interface QueryContext {
  reader: DuckDBConnection;
  asset: AssetDefinition;
  tables: { samples: string; rollup: string };
  tagIndex: Map<string, number>;
  /** Raw samples before this were removed by retention. */
  rawFrom: number;
}

export type EventFilter = { kinds?: readonly HistoryEventKind[]; includeAlarms?: boolean };

export function tagList(
  ctx: QueryContext,
  tagIds: readonly string[] | undefined,
): { id: string; k: number }[] {
  return (tagIds ?? ctx.asset.tags.map((t) => t.id)).map((id) => {
    const k = ctx.tagIndex.get(id);
    if (k === undefined) throw new Error(`unknown tag "${id}" for asset "${ctx.asset.id}"`);
    return { id, k };
  });
}

export interface CheckedWindow {
  q: WindowQuery;
  from: number;
  to: number;
  buckets: number;
  tags: { id: string; k: number }[];
}

/** Validates a window request before anything is read. */
export function checkWindow(ctx: QueryContext, q: WindowQuery): CheckedWindow {
  const from = finiteInt('from', q.from);
  const to = finiteInt('to', q.to);
  const buckets = Math.max(1, Math.min(100_000, finiteInt('buckets', q.buckets)));
  if (to <= from) throw new Error(`empty window: to (${to}) must be after from (${from})`);
  return { q, from, to, buckets, tags: tagList(ctx, q.tagIds) };
}

/** M4 aggregates per bucket for a checked window (the rollup must already be current). */
export async function readWindow(ctx: QueryContext, w: CheckedWindow): Promise<WindowResult> {
  const { q, from, to, buckets, tags } = w;
  const withQuality = q.withQuality !== false;
  const withFirstLast = q.withFirstLast !== false;
  const grid = bucketGrid(from, to, buckets);
  const plan = planWindow({
    tables: ctx.tables,
    tagIds: tags.map((t) => t.id),
    from,
    to,
    grid,
    rawFrom: ctx.rawFrom,
    rawOnly: q.source === 'raw',
    withFirstLast,
    withQuality,
  });
  const cols = readColumns(await ctx.reader.run(plan.sql));
  const n = cols.rows;
  const num = (c: number) => Float64Array.from(cols.get(c), toNumber);
  const f32 = (c: number) => Float32Array.from(cols.get(c), (v) => (v === null ? Number.NaN : toNumber(v)));
  const perTag = 2 + (withFirstLast ? 2 : 0) + (withQuality ? 1 : 0);
  const nan = () => new Float32Array(n).fill(Number.NaN);
  return {
    from,
    to,
    bucketMs: grid.bucketMs,
    t: num(0).map((b) => grid.start(b)),
    tFirst: num(1),
    tLast: num(2),
    series: tags.map(({ id }, i) => {
      const c = 3 + i * perTag;
      return {
        tagId: id,
        min: f32(c),
        max: f32(c + 1),
        first: withFirstLast ? f32(c + 2) : nan(),
        last: withFirstLast ? f32(c + 3) : nan(),
        quality: withQuality
          ? Uint8Array.from(cols.get(c + perTag - 1), (v) => (v === null ? Quality.missing : toNumber(v)))
          : new Uint8Array(n),
      };
    }),
    usedRollup: plan.usedRollup,
  };
}

/** State at the playhead: per tag the last non-missing sample at or before ts (within lookBackMs). */
export async function valuesAt(
  ctx: QueryContext,
  ts: number,
  options: { tagIds?: readonly string[]; lookBackMs?: number } = {},
): Promise<PlayheadState> {
  const t = finiteInt('ts', ts);
  const lookBack = finiteInt('lookBackMs', options.lookBackMs ?? 3_600_000);
  const tags = tagList(ctx, options.tagIds);
  const values = new Float32Array(tags.length).fill(Number.NaN);
  const quality = new Uint8Array(tags.length).fill(Quality.missing);
  const sampleTs = new Float64Array(tags.length).fill(Number.NaN);
  if (tags.length > 0) {
    const samples = ident(ctx.tables.samples);
    const range = `ts <= ${t} AND ts > ${t - lookBack}`;
    // Usually the newest row has every tag: one top-1 read. Tags missing there fall back to arg_max.
    const cols = tags.flatMap(({ id }) => [ident(valueColumn(id)), ident(qualityColumn(id))]).join(', ');
    const top = (
      await ctx.reader.runAndReadAll(
        `SELECT ts, ${cols} FROM ${samples} WHERE ${range} ORDER BY ts DESC LIMIT 1`,
      )
    ).getRows()[0];
    const missing: number[] = [];
    tags.forEach((_, i) => {
      const v = top?.[1 + i * 2];
      if (v === null || v === undefined) return void missing.push(i);
      values[i] = toNumber(v);
      sampleTs[i] = toNumber(top?.[0]);
      quality[i] = toNumber(top?.[2 + i * 2] ?? Quality.missing);
    });
    if (top && missing.length > 0) {
      const sel = missing
        .map((i) => {
          const id = tags[i]?.id as string;
          const v = ident(valueColumn(id));
          return `arg_max(${v}, ts), max(ts) FILTER (WHERE ${v} IS NOT NULL), arg_max(${ident(qualityColumn(id))}, ts) FILTER (WHERE ${v} IS NOT NULL)`;
        })
        .join(', ');
      const row =
        (await ctx.reader.runAndReadAll(`SELECT ${sel} FROM ${samples} WHERE ${range}`)).getRows()[0] ?? [];
      missing.forEach((i, j) => {
        const v = row[j * 3];
        if (v === null || v === undefined) return;
        values[i] = toNumber(v);
        sampleTs[i] = toNumber(row[j * 3 + 1]);
        quality[i] = toNumber(row[j * 3 + 2] ?? Quality.missing);
      });
    }
  }
  return { ts: t, tagIds: tags.map((x) => x.id), values, quality, sampleTs };
}

/** Events (and, unless excluded, alarm transitions) matching a SQL condition on ts. */
export async function readEvents(
  ctx: QueryContext,
  where: string,
  order: 'ASC' | 'DESC',
  limit: number,
  options: EventFilter,
): Promise<HistoryEvent[]> {
  const kindFilter = options.kinds ? ` AND kind IN (${options.kinds.map(literal).join(', ') || 'NULL'})` : '';
  const parts = [`SELECT ts, kind, payload, 0 AS src FROM events WHERE ${where}${kindFilter}`];
  if (options.includeAlarms !== false)
    parts.push(
      `SELECT ts, 'alarm', to_json({'alarmId': alarm_id, 'tagId': tag_id, 'kind': kind, 'priority': priority, 'from': from_state, 'to': to_state, 'value': value, 'message': message})::VARCHAR, 1 FROM alarms WHERE ${where}`,
    );
  const sql = `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY ts ${order}, src ${order} LIMIT ${Math.max(1, Math.floor(limit))}`;
  const rows = (await ctx.reader.runAndReadAll(sql)).getRows();
  return rows.map((r) => ({
    ts: toNumber(r[0]),
    kind: String(r[1]) as HistoryEvent['kind'],
    payload: r[2] === null || r[2] === undefined ? null : (JSON.parse(String(r[2])) as unknown),
  }));
}

/** Alarm transitions with from ≤ ts ≤ to. */
export async function alarmTransitions(
  ctx: QueryContext,
  from: number,
  to: number,
): Promise<AlarmTransition[]> {
  const rows = (
    await ctx.reader.runAndReadAll(
      `SELECT ts, alarm_id, tag_id, kind, priority, from_state, to_state, value, message FROM alarms WHERE ts >= ${finiteInt('from', from)} AND ts <= ${finiteInt('to', to)} ORDER BY ts`,
    )
  ).getRows();
  return rows.map((r) => ({
    ts: toNumber(r[0]),
    alarmId: String(r[1]),
    tagId: String(r[2]),
    kind: String(r[3]),
    priority: String(r[4]),
    from: (r[5] ?? null) as AlarmTransition['from'],
    to: String(r[6]) as AlarmTransition['to'],
    value: r[7] === null || r[7] === undefined ? null : toNumber(r[7]),
    message: String(r[8]),
  }));
}

/** Committed sample time span (raw and rolled-up), or null when empty. */
export async function timeRange(ctx: QueryContext): Promise<{ from: number; to: number } | null> {
  const { samples, rollup } = ctx.tables;
  const row = (
    await ctx.reader.runAndReadAll(
      `SELECT least((SELECT min(ts) FROM ${ident(samples)}), (SELECT min(t_first) FROM ${ident(rollup)})), greatest((SELECT max(ts) FROM ${ident(samples)}), (SELECT max(t_last) FROM ${ident(rollup)}))`,
    )
  ).getRows()[0];
  if (!row || row[0] === null || row[1] === null) return null;
  return { from: toNumber(row[0]), to: toNumber(row[1]) };
}

/** Committed row count of the raw samples table. */
export async function sampleCount(ctx: QueryContext): Promise<number> {
  const row = (
    await ctx.reader.runAndReadAll(`SELECT count(*) FROM ${ident(ctx.tables.samples)}`)
  ).getRows()[0];
  return toNumber(row?.[0]);
}

/** Reads a materialized result column by column, without building row objects. */
function readColumns(result: DuckDBMaterializedResult): { rows: number; get(c: number): unknown[] } {
  const chunks = Array.from({ length: result.chunkCount }, (_, i) => result.getChunk(i));
  const rows = chunks.reduce((n, c) => n + c.rowCount, 0);
  return {
    rows,
    get(c: number) {
      const out: unknown[] = new Array(rows);
      let o = 0;
      for (const chunk of chunks) {
        const vec = chunk.getColumnVector(c);
        for (let r = 0; r < chunk.rowCount; r++) out[o++] = vec.getItem(r);
      }
      return out;
    },
  };
}
