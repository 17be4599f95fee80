import { describe, expect, it } from 'vitest';
import {
  normalActiveFile,
  normalModelDir,
  normalModelFile,
  normalVersionId,
} from '../../../../core/ml/normal';

describe('normal-behaviour registry paths', () => {
  it('names a version by its creation time in UTC', () => {
    expect(normalVersionId('2026-12-07T16:05:09.412Z')).toBe('normal-20261207-160509');
    expect(normalVersionId('2026-12-07T18:05:09+02:00')).toBe('normal-20261207-160509');
    expect(() => normalVersionId('yesterday')).toThrow(/createdAt "yesterday" is not an ISO date-time/);
  });

  it('lays versions and the active record out under models/<asset>/normal', () => {
    expect(normalModelDir('/data/', 'skab-testbed')).toBe('/data/models/skab-testbed/normal');
    expect(normalModelFile('/data', 'skab-testbed', 'normal-20261207-160509')).toBe(
      '/data/models/skab-testbed/normal/normal-20261207-160509.json',
    );
    expect(normalActiveFile('C:\\Users\\a\\twin\\', 'pump')).toBe(
      'C:\\Users\\a\\twin/models/pump/normal/active.json',
    );
  });

  it('refuses ids that could escape the folder', () => {
    expect(() => normalModelDir('/data', '../etc')).toThrow(/"..\/etc" is not an asset id/);
    expect(() => normalModelFile('/data', 'pump', '../../x')).toThrow(/"..\/..\/x" is not a version id/);
  });
});
