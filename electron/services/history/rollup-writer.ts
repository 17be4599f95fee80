import {
  BIGINT,
  DOUBLE,
  DuckDBDataChunk,
  FLOAT,
  INTEGER,
  UTINYINT,
  type DuckDBAppender,
  type DuckDBType,
} from '@duckdb/node-api';
import type { AssetDefinition } from '../../../core/asset/schema';
import { bindings, copyColumn, setValidity } from './chunk-writer';
import type { MinuteAggregate } from './minute-rollup';
import { qualityColumn } from './schema';

type Aggregate = 'avg' | 'min' | 'max' | 'q' | 'first' | 'last';
type RollupColumn =
  | { role: 'ts' | 'n' | 't_first' | 't_last' }
  | { role: 'agg'; agg: Aggregate; tag: number }
  | { role: 'null'; type: DuckDBType };

const TYPES: Record<string, DuckDBType> = { BIGINT, INTEGER, FLOAT, DOUBLE, UTINYINT };
const CHUNK_ROWS = 2048;

/** Appends 1-minute rollup rows computed in JS, one bulk copy per column, in the table's column order. */
export class RollupChunkWriter {
  private readonly types: DuckDBType[];
  private readonly i64 = new BigInt64Array(CHUNK_ROWS);
  private readonly i32 = new Int32Array(CHUNK_ROWS);
  private readonly f32 = new Float32Array(CHUNK_ROWS);
  private readonly u8 = new Uint8Array(CHUNK_ROWS);
  private readonly validity = new Uint8Array(CHUNK_ROWS / 8);
  private readonly allNull = new Uint8Array(CHUNK_ROWS / 8);

  private constructor(private readonly layout: RollupColumn[]) {
    this.types = layout.map((c) =>
      c.role === 'null'
        ? c.type
        : c.role === 'n'
          ? INTEGER
          : c.role === 'agg'
            ? c.agg === 'q'
              ? UTINYINT
              : FLOAT
            : BIGINT,
    );
  }

  /** Maps the table's columns (name, SQL type) to what they hold; null if a column type is unexpected. */
  static forColumns(
    asset: AssetDefinition,
    columns: readonly { name: string; type: string }[],
  ): RollupChunkWriter | null {
    const byName = new Map<string, RollupColumn>();
    for (const role of ['ts', 'n', 't_first', 't_last'] as const) byName.set(role, { role });
    asset.tags.forEach((t, tag) => {
      for (const agg of ['avg', 'min', 'max', 'first', 'last'] as const)
        byName.set(`${agg}_${t.id}`, { role: 'agg', agg, tag });
      byName.set(qualityColumn(t.id), { role: 'agg', agg: 'q', tag });
    });
    const layout: RollupColumn[] = [];
    for (const c of columns) {
      const known = byName.get(c.name);
      if (known) layout.push(known);
      else if (TYPES[c.type]) layout.push({ role: 'null', type: TYPES[c.type] as DuckDBType });
      else return null;
    }
    return new RollupChunkWriter(layout);
  }

  append(appender: DuckDBAppender, minutes: readonly MinuteAggregate[]): void {
    for (let at = 0; at < minutes.length; at += CHUNK_ROWS)
      appender.appendDataChunk(this.chunk(minutes.slice(at, at + CHUNK_ROWS)));
  }

  private chunk(minutes: readonly MinuteAggregate[]): DuckDBDataChunk {
    const n = minutes.length;
    const chunk = DuckDBDataChunk.create(this.types, n);
    this.layout.forEach((col, c) => {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
      if (col.role === 'null') return setValidity(vector, this.allNull, n);
      if (col.role === 'n') {
        minutes.forEach((m, r) => (this.i32[r] = m.rows));
        return copyColumn(vector, this.i32, n * 4);
      }
      if (col.role !== 'agg') {
        const pick = col.role === 'ts' ? 'minute' : col.role === 't_first' ? 'tFirst' : 'tLast';
        minutes.forEach((m, r) => (this.i64[r] = BigInt(m[pick])));
        return copyColumn(vector, this.i64, n * 8);
      }
      const { agg, tag } = col;
      const mask = this.validity;
      mask.fill(0xff);
      let nulls = 0;
      const isNull = (r: number) => {
        nulls++;
        mask[r >> 3] = (mask[r >> 3] as number) & ~(1 << (r & 7));
      };
      if (agg === 'q') {
        minutes.forEach((m, r) => {
          const q = m.quality[tag] as number;
          if (q < 0) isNull(r);
          this.u8[r] = Math.max(q, 0);
        });
        copyColumn(vector, this.u8, n);
      } else {
        minutes.forEach((m, r) => {
          const count = m.count[tag] as number;
          if (count === 0) {
            isNull(r);
            this.f32[r] = 0;
          } else this.f32[r] = agg === 'avg' ? (m.sum[tag] as number) / count : (m[agg][tag] as number);
        });
        copyColumn(vector, this.f32, n * 4);
      }
      if (nulls > 0) setValidity(vector, mask, n);
    });
    return chunk;
  }
}
