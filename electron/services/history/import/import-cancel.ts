import type { DuckDBConnection } from '@duckdb/node-api';

/** An import stopped by its caller before it committed: nothing of it was stored. */
export class ImportCancelledError extends Error {
  constructor(file: string) {
    super(`Import cancelled: nothing from "${file}" was stored.`);
    this.name = 'ImportCancelledError';
  }
}

/**
 * Cancellation of one import on the store's writer connection. Until `close()` (called just before COMMIT)
 * an abort interrupts the statement running on the writer (DuckDB `interrupt()`), and `check()` between
 * statements throws, so the import unwinds through its ROLLBACK and drops its staging tables. An interrupt
 * sent while no statement runs is dropped by DuckDB, hence the flag check as well. After `close()` aborts
 * are ignored: interrupting a COMMIT could leave the outcome unknown.
 */
export class CancelGuard {
  private closed = false;

  constructor(
    private readonly writer: DuckDBConnection,
    private readonly file: string,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = () => {
    if (!this.closed) this.writer.interrupt();
  };

  /** True when the caller has cancelled and the import has not reached its COMMIT. */
  get cancelled(): boolean {
    return !this.closed && this.signal?.aborted === true;
  }

  /** Throws ImportCancelledError when cancelled. */
  check(): void {
    if (this.cancelled) throw new ImportCancelledError(this.file);
  }

  /** The error to throw for a failed statement: ImportCancelledError when it failed because of a cancel. */
  wrap(e: unknown): unknown {
    return this.cancelled ? new ImportCancelledError(this.file) : e;
  }

  /** From here on the import commits and can no longer be cancelled. */
  close(): void {
    this.closed = true;
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}
