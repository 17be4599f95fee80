import os from 'node:os';
import path from 'node:path';

/** The per-user data folder when none is given: TWINSCAPE_DATA_DIR or ~/.twinscape. */
export function defaultDataDir(): string {
  return process.env.TWINSCAPE_DATA_DIR ?? path.join(os.homedir(), '.twinscape');
}
