/** Rows for a normal-behaviour model, in its tag order, from the telemetry ring or a history grid. */
import type { HistoryGrid } from '../../../core/api/domains/history';
import { isGood } from '../../../core/data/quality';
import type { TelemetryRing } from '../state/telemetry-ring';

/**
 * Row-major values of the ring's samples number `fromWritten` … `ring.written − 1` (the oldest still held
 * when the ring has wrapped since), for the asset tag indexes `columns`; NaN where a value is not good.
 */
export function ringRows(ring: TelemetryRing, columns: readonly number[], fromWritten: number): Float64Array {
  const first = Math.max(fromWritten, ring.written - ring.size);
  const count = Math.max(0, ring.written - first);
  const rows = new Float64Array(count * columns.length);
  for (let k = 0; k < count; k++) {
    const slot = (first + k) % ring.capacity;
    columns.forEach((c, j) => {
      const good = isGood(ring.quality[c]![slot]!);
      rows[k * columns.length + j] = good ? ring.values[c]![slot]! : Number.NaN;
    });
  }
  return rows;
}

/** Row-major values of a history grid whose tags are the model's (null → NaN). */
export function gridRows(grid: HistoryGrid): Float64Array {
  const width = grid.values.length;
  const steps = grid.values[0]?.length ?? 0;
  const rows = new Float64Array(width * steps);
  for (let r = 0; r < steps; r++)
    for (let j = 0; j < width; j++) rows[r * width + j] = grid.values[j]![r] ?? Number.NaN;
  return rows;
}
