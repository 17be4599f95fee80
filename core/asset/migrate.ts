import { defineMigrations } from '../validation/migrations';
import { ASSET_SCHEMA_VERSION } from './schema';

/**
 * Version 2 added the optional `sources` section (live MQTT / OPC UA bindings), version 3 the optional
 * `translations` table (display names in other languages): older files need no change.
 */
export const assetMigrations = defineMigrations({
  current: ASSET_SCHEMA_VERSION,
  steps: { 1: (document) => document, 2: (document) => document },
});
