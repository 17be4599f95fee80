import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** SKAB recordings: read from the workplace's shared folder beside the repository, never copied into it. */
export const SKAB_DIR =
  process.env.SKAB_DIR ?? path.resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/data/skab');
