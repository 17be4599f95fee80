// Schema-version migrations for JSON documents (assets, scenarios, model cards): one loop that upgrades
// a document step by step to the version this app reads, or says clearly why it cannot.

/** Upgrades a document of one version to the next; schemaVersion is set by the caller. */
export type MigrationStep = (document: Record<string, unknown>) => Record<string, unknown>;

export interface MigrationTable {
  /** The version this app reads and writes. */
  current: number;
  /** steps[v] upgrades a document of schemaVersion v to v + 1. */
  steps?: Readonly<Record<number, MigrationStep>>;
  /** Version of a document that has no schemaVersion (a draft from before versions); absent: it is refused. */
  versionWhenMissing?: number;
}

export type MigrationResult = { ok: true; value: unknown } | { ok: false; message: string };

export interface Migrations {
  readonly current: number;
  /**
   * Brings an object to the current version. Anything that is not an object is passed on untouched, for
   * the schema to describe.
   */
  migrate(raw: unknown): MigrationResult;
  /** As migrate, but throws `${source}: ${message}` when the document cannot be brought up to date. */
  migrateOrThrow(raw: unknown, source: string): unknown;
}

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

export function defineMigrations({ current, steps = {}, versionWhenMissing }: MigrationTable): Migrations {
  function migrate(raw: unknown): MigrationResult {
    if (!isObject(raw)) return { ok: true, value: raw };
    let version = raw.schemaVersion ?? versionWhenMissing;
    if (version === undefined)
      return { ok: false, message: `schemaVersion is missing (this app reads version ${current})` };
    if (typeof version !== 'number')
      return { ok: false, message: `schemaVersion must be a number (this app reads version ${current})` };
    if (version > current)
      return {
        ok: false,
        message: `schemaVersion ${version} is newer than this app supports (${current}); update Twinscape`,
      };
    let value = raw;
    while (version < current) {
      const step = steps[version];
      if (!step) return { ok: false, message: `no migration from schemaVersion ${version}` };
      version += 1;
      value = { ...step(value), schemaVersion: version };
    }
    return { ok: true, value };
  }

  return {
    current,
    migrate,
    migrateOrThrow(raw, source) {
      const result = migrate(raw);
      if (!result.ok) throw new Error(`${source}: ${result.message}`);
      return result.value;
    },
  };
}
