import type { HistoryGrid } from '../../../../core/api/domains/history';
import type { HistoryStore } from '../store/history-store';
import { ident, valueColumn } from '../store/schema';
import { finiteInt, toNumber } from '../store/store-types';

export interface SetpointChange {
  ts: number;
  controlId: string;
  from: number | null;
  to: number | null;
}

/** Grid time of row r: the last row is `to`, the others `stepMs` apart before it. */
export const gridTime = (to: number, steps: number, stepMs: number, r: number): number =>
  to - (steps - 1 - r) * stepMs;

/**
 * Setpoint of each control at each grid time: the value set by the latest change at or before that time;
 * before a control's first recorded change, the value that change started from; null with no change at all.
 * `changes` must be in time order.
 */
export function setpointsOnGrid(
  changes: readonly SetpointChange[],
  controlIds: readonly string[],
  times: readonly number[],
): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const id of controlIds) {
    const mine = changes.filter((c) => c.controlId === id);
    let k = -1;
    out[id] = times.map((t) => {
      while (k + 1 < mine.length && mine[k + 1]!.ts <= t) k++;
      if (k >= 0) return mine[k]!.to;
      return mine[0]?.from ?? null;
    });
  }
  return out;
}

/**
 * Samples resampled in SQL onto `steps` times `stepMs` apart ending at `to`: per row and tag the newest
 * finite value in (row time − stepMs, row time] (what the live loop's resampleRing does with the telemetry
 * ring), plus the setpoints at each row from the recorded setpoint changes. Raw samples only: minutes older
 * than the retention come back empty.
 */
export async function readGrid(
  store: HistoryStore,
  req: { to: number; steps: number; stepMs: number; tagIds?: readonly string[] | undefined },
): Promise<HistoryGrid> {
  const to = finiteInt('to', req.to);
  const steps = Math.max(1, finiteInt('steps', req.steps));
  const stepMs = Math.max(1, finiteInt('stepMs', req.stepMs));
  const tagIds = req.tagIds ? [...req.tagIds] : store.asset.tags.map((t) => t.id);
  for (const id of tagIds)
    if (!store.asset.tags.some((t) => t.id === id))
      throw new Error(`unknown tag "${id}" for asset "${store.asset.id}"`);
  const { reader, tables } = store.connections;
  const start = to - steps * stepMs;

  const values = tagIds.map(() => new Array<number | null>(steps).fill(null));
  if (tagIds.length > 0) {
    const sel = tagIds
      .map((id) => {
        const v = ident(valueColumn(id));
        return `arg_max(${v}, ts) FILTER (WHERE ${v} IS NOT NULL AND NOT isnan(${v}))`;
      })
      .join(', ');
    const rows = (
      await reader.runAndReadAll(
        `SELECT (${to} - ts) // ${stepMs} AS k, ${sel} FROM ${ident(tables.samples)} WHERE ts > ${start} AND ts <= ${to} GROUP BY k`,
      )
    ).getRows();
    for (const row of rows) {
      const r = steps - 1 - toNumber(row[0]);
      if (r < 0 || r >= steps) continue;
      tagIds.forEach((_, j) => {
        const v = row[1 + j];
        values[j]![r] = v === null || v === undefined ? null : toNumber(v);
      });
    }
  }

  // Per control: the last change before the window, the changes in it, and the first change after it.
  const id = `json_extract_string(payload, '$.controlId')`;
  const changeCols = `ts, ${id} AS control_id, TRY_CAST(json_extract_string(payload, '$.from') AS DOUBLE) AS v_from, TRY_CAST(json_extract_string(payload, '$.to') AS DOUBLE) AS v_to`;
  const cc = `kind = 'control-change'`;
  const changes = (
    await reader.runAndReadAll(
      `SELECT * FROM (
        (SELECT ${changeCols} FROM events WHERE ${cc} AND ts <= ${start} QUALIFY row_number() OVER (PARTITION BY ${id} ORDER BY ts DESC) = 1)
        UNION ALL (SELECT ${changeCols} FROM events WHERE ${cc} AND ts > ${start} AND ts <= ${to})
        UNION ALL (SELECT ${changeCols} FROM events WHERE ${cc} AND ts > ${to} QUALIFY row_number() OVER (PARTITION BY ${id} ORDER BY ts) = 1)
      ) ORDER BY ts`,
    )
  )
    .getRows()
    .map((r): SetpointChange => ({
      ts: toNumber(r[0]),
      controlId: String(r[1]),
      from: r[2] === null || r[2] === undefined ? null : toNumber(r[2]),
      to: r[3] === null || r[3] === undefined ? null : toNumber(r[3]),
    }));
  const times = Array.from({ length: steps }, (_, r) => gridTime(to, steps, stepMs, r));
  const setpoints = setpointsOnGrid(
    changes,
    store.asset.controls.map((c) => c.id),
    times,
  );
  return { to, stepMs, tagIds, values, setpoints };
}
