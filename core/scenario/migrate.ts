import { defineMigrations } from '../validation/migrations';
import { SCENARIO_SCHEMA_VERSION } from './schema';

/**
 * Version 0 is the draft format recorded before the schema had a version (a file without schemaVersion):
 * its timeline was called "events".
 */
export const scenarioMigrations = defineMigrations({
  current: SCENARIO_SCHEMA_VERSION,
  versionWhenMissing: 0,
  steps: {
    0: ({ events, ...rest }) => ({ ...rest, timeline: rest.timeline ?? events }),
  },
});
