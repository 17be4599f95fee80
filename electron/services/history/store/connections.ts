import type { DuckDBConnection } from '@duckdb/node-api';
import type { AssetTables } from './schema';

/**
 * What the parts of an open store share (writes, queries, import, export, snapshots): its two connections
 * to the DuckDB file and the names of the asset's tables. Made when the store opens, closed with it.
 */
export interface StoreConnections {
  /** The file's only writer: every statement on it runs inside the store's serial queue (StoreWrites.serial). */
  writer: DuckDBConnection;
  /** Reads committed data without waiting for the writer. */
  reader: DuckDBConnection;
  tables: AssetTables;
  /**
   * A new connection (UTC) for a long job, such as an import's staging, so it runs without holding the
   * serial queue; the caller closes it.
   */
  connect(): Promise<DuckDBConnection>;
}
