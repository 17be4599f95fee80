import fs from 'node:fs';
import nodePath from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { literal } from './schema';

/**
 * Limits what SQL on this DuckDB instance may read or write to `folders` (its own database files stay
 * usable): `allowed_directories`, then `enable_external_access = false`, which DuckDB (1.5) refuses to turn
 * back on while the database runs, for every connection. A second line of defence behind the API's path checks.
 */
export async function confineFileAccess(conn: DuckDBConnection, folders: readonly string[]): Promise<void> {
  // Each folder as given and with its links resolved: DuckDB compares the text of the paths it is handed.
  const spellings = folders.flatMap((f) => {
    fs.mkdirSync(f, { recursive: true });
    return [nodePath.resolve(f), fs.realpathSync(f)].map((p) => p + nodePath.sep);
  });
  const allowed = [...new Set(spellings)];
  await conn.run(`SET allowed_directories = [${allowed.map(literal).join(', ')}]`);
  await conn.run('SET enable_external_access = false');
}
