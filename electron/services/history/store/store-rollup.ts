import { performance } from 'node:perf_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { refreshRollup } from './rollup';

/** Wall time between refreshes of the 1-minute rollup while samples stream in. */
const ROLLUP_INTERVAL_MS = 5000;

/** Sample times committed since the 1-minute rollup was last brought up to date. */
export class DirtyRollup {
  /** null: the rollup is current. */
  private span: { from: number; to: number } | null = null;
  private lastRefresh = 0;

  constructor(
    private readonly writer: DuckDBConnection,
    private readonly asset: AssetDefinition,
    private readonly tables: { samples: string; rollup: string },
    private readonly rawFrom: () => number,
  ) {}

  get isDirty(): boolean {
    return this.span !== null;
  }

  /** Widens the span that needs rolling up. */
  note(from: number, to: number): void {
    this.span = { from: Math.min(this.span?.from ?? from, from), to: Math.max(this.span?.to ?? to, to) };
  }

  /** The rollup is refreshed every few seconds (and before any query that reads it), not per commit. */
  get due(): boolean {
    return performance.now() - this.lastRefresh >= ROLLUP_INTERVAL_MS;
  }

  /** Rolls up the minutes committed since the last refresh, inside the caller's transaction. */
  async refreshIn(): Promise<void> {
    const dirty = this.span;
    this.lastRefresh = performance.now();
    if (!dirty) return;
    await refreshRollup(this.writer, this.asset, this.tables, dirty.from, dirty.to, this.rawFrom());
    this.span = null;
  }

  /** The same in its own transaction, for callers already inside the store's serial(). */
  async refreshTx(): Promise<void> {
    if (!this.span) return;
    await this.writer.run('BEGIN TRANSACTION');
    try {
      await this.refreshIn();
      await this.writer.run('COMMIT');
    } catch (e) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }
}
