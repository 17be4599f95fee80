import { ASSET_SCHEMA_VERSION } from './schema';

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** migrations[v] upgrades a file of schemaVersion v to v + 1. Version 1 is the first. */
const migrations: Record<number, Migration> = {};

export type MigrationResult = { ok: true; value: unknown } | { ok: false; message: string };

export function migrateAsset(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: true, value: raw };
  let value = raw as Record<string, unknown>;
  let version = value.schemaVersion;
  if (typeof version !== 'number') return { ok: true, value };
  if (version > ASSET_SCHEMA_VERSION)
    return {
      ok: false,
      message: `schemaVersion ${version} is newer than this app supports (${ASSET_SCHEMA_VERSION}); update Twinscape`,
    };
  while (version < ASSET_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) return { ok: false, message: `no migration from schemaVersion ${version}` };
    value = step(value);
    version += 1;
    value.schemaVersion = version;
  }
  return { ok: true, value };
}
