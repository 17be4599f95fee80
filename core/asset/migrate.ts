import { defineMigrations } from '../validation/migrations';
import { ASSET_SCHEMA_VERSION } from './schema';

/** Version 1 is the first: no steps yet. */
export const assetMigrations = defineMigrations({ current: ASSET_SCHEMA_VERSION });
