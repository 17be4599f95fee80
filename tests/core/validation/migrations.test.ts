import { describe, expect, it } from 'vitest';
import { defineMigrations } from '../../../core/validation/migrations';

const renamed = defineMigrations({
  current: 3,
  steps: {
    1: ({ name, ...rest }) => ({ ...rest, title: name }),
    2: (doc) => ({ ...doc, tags: doc.tags ?? [] }),
  },
});

describe('defineMigrations', () => {
  it('upgrades a document step by step and stamps each new version', () => {
    expect(renamed.migrate({ schemaVersion: 1, name: 'pump' })).toEqual({
      ok: true,
      value: { schemaVersion: 3, title: 'pump', tags: [] },
    });
  });

  it('leaves a current document as it is', () => {
    const doc = { schemaVersion: 3, title: 'pump', tags: ['a'] };
    expect(renamed.migrate(doc)).toEqual({ ok: true, value: doc });
  });

  it('refuses a newer version with advice to update', () => {
    expect(renamed.migrate({ schemaVersion: 4 })).toEqual({
      ok: false,
      message: 'schemaVersion 4 is newer than this app supports (3); update Twinscape',
    });
  });

  it('refuses a version it has no step for', () => {
    expect(renamed.migrate({ schemaVersion: 0 })).toEqual({
      ok: false,
      message: 'no migration from schemaVersion 0',
    });
  });

  it('refuses a missing or non-numeric version unless a missing one has a meaning', () => {
    expect(renamed.migrate({ title: 'pump' })).toEqual({
      ok: false,
      message: 'schemaVersion is missing (this app reads version 3)',
    });
    expect(renamed.migrate({ schemaVersion: '3' })).toEqual({
      ok: false,
      message: 'schemaVersion must be a number (this app reads version 3)',
    });
    const drafts = defineMigrations({ current: 1, versionWhenMissing: 0, steps: { 0: (doc) => doc } });
    expect(drafts.migrate({ title: 'draft' })).toEqual({
      ok: true,
      value: { title: 'draft', schemaVersion: 1 },
    });
  });

  it('passes anything but an object on for the schema to describe', () => {
    expect(renamed.migrate([1, 2])).toEqual({ ok: true, value: [1, 2] });
    expect(renamed.migrate(null)).toEqual({ ok: true, value: null });
  });

  it('throws naming the source when asked to', () => {
    const single = defineMigrations({ current: 1 });
    expect(() => single.migrateOrThrow({ schemaVersion: 2 }, 'model-card.json')).toThrow(
      /^model-card\.json: schemaVersion 2 is newer than this app supports \(1\)/,
    );
    expect(single.migrateOrThrow({ schemaVersion: 1 }, 'model-card.json')).toEqual({ schemaVersion: 1 });
  });
});
