import { defineMigrations } from '../validation/migrations';
import { ASSET_SCHEMA_VERSION } from './schema';

/** Version 2 added the optional `sources` section (live MQTT / OPC UA bindings): a version 1 file needs no change. */
export const assetMigrations = defineMigrations({
  current: ASSET_SCHEMA_VERSION,
  steps: { 1: (document) => document },
});
