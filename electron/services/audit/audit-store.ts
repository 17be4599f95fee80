import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AuditEntry } from '../../../core/api/domains/audit';
import type { Role } from '../../../core/api/roles';

/**
 * The audit trail: one row per call of a plant-changing method, in its own DuckDB file
 * (<dataDir>/audit.duckdb). Not in the history store, whose file is per asset and is replaced when the asset
 * changes, while the trail must span assets and survive an asset's history being reset.
 */
export class AuditStore {
  /** Appends run one after another so that rows keep their order. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly file: string,
  ) {}

  static async open(dataDir: string): Promise<AuditStore> {
    const file = path.join(dataDir, 'audit.duckdb');
    try {
      mkdirSync(dataDir, { recursive: true });
      return await AuditStore.create(file);
    } catch (e) {
      throw new Error(`cannot open the audit trail ${file}: ${(e as Error).message}`);
    }
  }

  /** A trail that lasts only as long as this process. */
  static openInMemory(): Promise<AuditStore> {
    return AuditStore.create(':memory:');
  }

  private static async create(file: string): Promise<AuditStore> {
    const instance = await DuckDBInstance.create(file);
    const conn = await instance.connect();
    await conn.run(`CREATE TABLE IF NOT EXISTS audit (
      t BIGINT NOT NULL, method VARCHAR NOT NULL, summary VARCHAR NOT NULL, role VARCHAR NOT NULL,
      client VARCHAR NOT NULL, ok BOOLEAN NOT NULL, error VARCHAR)`);
    return new AuditStore(instance, conn, file);
  }

  append(entry: AuditEntry): Promise<void> {
    const write = this.queue.then(() =>
      this.conn
        .run('INSERT INTO audit VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          BigInt(Math.round(entry.t)),
          entry.method,
          entry.summary,
          entry.role,
          entry.client,
          entry.ok,
          entry.error,
        ])
        .then(() => undefined),
    );
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Entries at or after `from`, newest first (ties keep the order they were written in, newest first). */
  async list(query: { from?: number; limit: number }): Promise<AuditEntry[]> {
    await this.queue;
    const reader = await this.conn.runAndReadAll(
      `SELECT t, method, summary, role, client, ok, error FROM audit
       WHERE t >= $1 ORDER BY t DESC, rowid DESC LIMIT $2`,
      [BigInt(Math.round(query.from ?? 0)), query.limit],
    );
    return reader.getRowObjectsJS().map((row) => ({
      t: Number(row.t),
      method: String(row.method),
      summary: String(row.summary),
      role: row.role === 'viewer' ? ('viewer' satisfies Role) : 'operator',
      client: String(row.client),
      ok: row.ok === true,
      error: row.error === null ? null : String(row.error),
    }));
  }

  async close(): Promise<void> {
    await this.queue;
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
