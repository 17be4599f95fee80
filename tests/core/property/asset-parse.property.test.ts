import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAsset, parseAssetJson, type AssetParseResult } from '../../../core/asset/parse';
import { anyJson, mutatedDocument, pathUnder } from './json-mutation';
import { PROPERTY_TEST_TIMEOUT_MS, propertyOptions, timed } from './property-runs';

const ASSET_FILES = [
  'assets/pump-skid/asset.json',
  'assets/turbofan/asset.json',
  'assets/examples/pump-skid-glb/asset.json',
];
const validAssets = ASSET_FILES.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>);

/** Every problem names a field of the document (or the document itself) and says something. */
function expectProblemsNamePaths(result: AssetParseResult, keys: Iterable<string>): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(pathUnder(p.path, keys), `problem path "${p.path}"`).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('asset files (core/asset/parse.ts), property-based', () => {
  it(
    'a mutated asset parses or names the field at fault, and never throws',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...validAssets).chain(mutatedDocument), (doc) => {
          const result = timed('parseAsset', () => parseAsset(doc));
          expectProblemsNamePaths(result, [
            'schemaVersion',
            ...Object.keys(validAssets[0]!),
            ...Object.keys(doc),
          ]);
          // What the parser accepted it accepts again: no default or migration that breaks a round trip.
          if (result.ok) expect(parseAsset(JSON.parse(JSON.stringify(result.asset))).ok).toBe(true);
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    'random JSON and random text give problems, never an exception',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            anyJson.map((v) => JSON.stringify(v) ?? ''),
            fc.string({ maxLength: 200 }),
          ),
          (text) => {
            const result = timed('parseAssetJson', () => parseAssetJson(text, 'site.json'));
            expect(result.ok).toBe(false);
            if (!result.ok)
              expect(result.problems.every((p) => p.path.length > 0 && p.message.length > 0)).toBe(true);
          },
        ),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
