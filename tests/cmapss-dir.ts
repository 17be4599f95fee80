import path from 'node:path';

/** NASA C-MAPSS files: read from the workplace's shared folder beside the repository, never copied into it. */
export const CMAPSS_DIR = process.env.CMAPSS_DIR ?? path.resolve('../shared/data/cmapss');
