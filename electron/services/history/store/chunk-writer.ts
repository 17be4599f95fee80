import { createRequire } from 'node:module';
import {
  BIGINT,
  DuckDBDataChunk,
  FLOAT,
  UTINYINT,
  type DuckDBAppender,
  type DuckDBType,
} from '@duckdb/node-api';
import type * as Bindings from '@duckdb/node-bindings';
import type { TelemetryBatch } from '../../../../core/api/types';
import { Quality } from '../../../../core/data/quality';

/** What each column of the samples table holds, by position. */
export type ColumnRole =
  | { role: 'ts' }
  | { role: 'value'; tag: number }
  | { role: 'quality'; tag: number }
  | { role: 'null-float' }
  | { role: 'null-q' };

/** DuckDB's vector size: the most rows one data chunk holds. */
const CHUNK_ROWS = 2048;

// The node-api's vector setters mark validity with BigInt arithmetic per value (≈ 60 % of ingest time);
// the bindings it is built on copy a whole column in one call. Resolved from the node-api's own location
// so that it is the exact version the node-api uses and the bundler leaves the native module alone.
const bindings = createRequire(createRequire(__filename).resolve('@duckdb/node-api'))(
  '@duckdb/node-bindings',
) as typeof Bindings;

/** Writes samples into an appender chunk by chunk, one bulk copy per column (plus its null mask if any). */
export class SampleChunkWriter {
  private readonly types: DuckDBType[];
  private readonly ts = new BigInt64Array(CHUNK_ROWS);
  private readonly values = new Float32Array(CHUNK_ROWS);
  private readonly quality = new Uint8Array(CHUNK_ROWS);
  private readonly validity = new Uint8Array(CHUNK_ROWS / 8);
  private readonly allNull = new Uint8Array(CHUNK_ROWS / 8);

  constructor(private readonly layout: readonly ColumnRole[]) {
    this.types = layout.map((c) =>
      c.role === 'ts' ? BIGINT : c.role === 'value' || c.role === 'null-float' ? FLOAT : UTINYINT,
    );
  }

  /** Appends every sample of the batches, in order, packing them into full chunks; returns the number of rows. */
  append(appender: DuckDBAppender, batches: readonly TelemetryBatch[]): number {
    const total = batches.reduce((n, b) => n + b.t.length, 0);
    let bi = 0;
    let si = 0;
    for (let written = 0; written < total;) {
      const n = Math.min(CHUNK_ROWS, total - written);
      const segments: Segment[] = [];
      for (let left = n; left > 0;) {
        const b = batches[bi] as TelemetryBatch;
        const count = Math.min(left, b.t.length - si);
        if (count > 0) segments.push({ b, from: si, count });
        left -= count;
        si += count;
        if (si >= b.t.length) {
          bi++;
          si = 0;
        }
      }
      appender.appendDataChunk(this.chunk(segments, n));
      written += n;
    }
    return total;
  }

  private chunk(segments: readonly Segment[], n: number): DuckDBDataChunk {
    const chunk = DuckDBDataChunk.create(this.types, n);
    for (let c = 0; c < this.layout.length; c++) {
      const col = this.layout[c] as ColumnRole;
      const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
      if (col.role === 'ts') {
        const ts = this.ts;
        let r = 0;
        for (const { b, from, count } of segments)
          for (let i = from; i < from + count; i++) ts[r++] = BigInt(Math.round(b.t[i] as number));
        copy(vector, ts, n * 8);
      } else if (col.role === 'value') {
        const out = this.values;
        const mask = this.validity;
        let nulls = 0;
        let r = 0;
        for (const { b, from, count } of segments) {
          const src = b.values[col.tag] as (number | null)[];
          for (let i = from; i < from + count; i++, r++) {
            const v = src[i];
            if (v === null || v === undefined || !Number.isFinite(v)) {
              if (nulls++ === 0) mask.fill(0xff);
              out[r] = 0;
              mask[r >> 3] = (mask[r >> 3] as number) & ~(1 << (r & 7));
            } else out[r] = v;
          }
        }
        copy(vector, out, n * 4);
        if (nulls > 0) setValidity(vector, mask, n);
      } else if (col.role === 'quality') {
        const out = this.quality;
        let r = 0;
        for (const { b, from, count } of segments) {
          const src = b.quality[col.tag];
          if (src) for (let i = from; i < from + count; i++) out[r++] = src[i] ?? Quality.missing;
          else {
            out.fill(Quality.missing, r, r + count);
            r += count;
          }
        }
        copy(vector, out, n);
      } else {
        setValidity(vector, this.allNull, n);
      }
    }
    return chunk;
  }
}

interface Segment {
  b: TelemetryBatch;
  from: number;
  count: number;
}

function copy(vector: Bindings.Vector, data: ArrayBufferView, bytes: number): void {
  bindings.copy_data_to_vector(vector, 0, data.buffer as ArrayBuffer, data.byteOffset, bytes);
}

function setValidity(vector: Bindings.Vector, mask: Uint8Array, rows: number): void {
  bindings.vector_ensure_validity_writable(vector);
  // The mask is a bitmap of uint64 words; copy whole words.
  bindings.copy_data_to_vector_validity(
    vector,
    0,
    mask.buffer as ArrayBuffer,
    mask.byteOffset,
    Math.ceil(rows / 64) * 8,
  );
}
