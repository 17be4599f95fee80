import { defineMigrations } from '../validation/migrations';
import { SCENARIO_SCHEMA_VERSION } from './schema';

/**
 * Version 0 is the draft format recorded before the schema had a version (a file without schemaVersion):
 * its timeline was called "events". Version 1 played at one `speed`; version 2 declares a `pace`, that speed
 * between the trainee's actions and real time while one is expected. Version 3 lets every text a trainee reads
 * be one text per language ({ "en": …, "zh-CN": … }); the plain strings of older files are read as English.
 */
export const scenarioMigrations = defineMigrations({
  current: SCENARIO_SCHEMA_VERSION,
  versionWhenMissing: 0,
  steps: {
    0: ({ events, ...rest }) => ({ ...rest, timeline: rest.timeline ?? events }),
    1: ({ speed, ...rest }) => ({
      ...rest,
      ...(speed === undefined ? {} : { pace: { fastForward: speed } }),
    }),
    2: (rest) => rest,
  },
});
