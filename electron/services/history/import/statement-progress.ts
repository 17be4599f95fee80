import type { DuckDBConnection } from '@duckdb/node-api';

/** How often a running statement's progress is read. */
const POLL_MS = 50;

/**
 * Runs `work` (one long statement on `conn`) while reading DuckDB's query progress, mapped onto [lo, hi] of
 * the whole job. DuckDB only tracks progress while `enable_progress_bar` is set on the connection.
 */
export async function withStatementProgress<T>(
  conn: DuckDBConnection,
  lo: number,
  hi: number,
  report: (fraction: number) => void,
  work: () => Promise<T>,
): Promise<T> {
  let best = -1;
  const poll = setInterval(() => {
    try {
      const p = conn.progress.percentage;
      // A finished pipeline can read 100 before the next one starts at 0: never go backwards.
      if (p >= 0 && p > best) {
        best = p;
        report(lo + (Math.min(100, p) / 100) * (hi - lo));
      }
    } catch {
      /* progress is best effort */
    }
  }, POLL_MS);
  try {
    return await work();
  } finally {
    clearInterval(poll);
  }
}

/** Turns query progress tracking on for `conn` (printing stays off); returns the undo. */
export async function trackProgress(conn: DuckDBConnection): Promise<() => Promise<void>> {
  await conn.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  return () =>
    conn.run('RESET enable_progress_bar').then(
      () => undefined,
      () => undefined,
    );
}
