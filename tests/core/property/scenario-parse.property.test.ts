import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../../core/asset/parse';
import type { AssetDefinition } from '../../../core/asset/schema';
import { parseScenario, parseScenarioJson } from '../../../core/scenario/parse';
import { anyJson, mutatedDocument, pathUnder } from './json-mutation';
import { PROPERTY_TEST_TIMEOUT_MS, propertyOptions, timed } from './property-runs';

const DIR = 'assets/scenarios';
const scenarios = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Record<string, unknown>);

function pumpSkid(): AssetDefinition {
  const parsed = parseAssetJson(readFileSync('assets/pump-skid/asset.json', 'utf8'));
  if (!parsed.ok) throw new Error('assets/pump-skid/asset.json does not parse');
  return parsed.asset;
}
const asset = pumpSkid();

describe('scenario files (core/scenario/parse.ts), property-based', () => {
  it('the shipped scenarios parse against the pump skid (the mutations start from valid documents)', () => {
    expect(scenarios.length).toBeGreaterThan(0);
    for (const s of scenarios) expect(parseScenario(s, asset)).toMatchObject({ ok: true });
  });

  it(
    'a mutated scenario parses or names the field at fault, with or without the asset, and never throws',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...scenarios).chain(mutatedDocument), fc.boolean(), (doc, withAsset) => {
          const result = timed('parseScenario', () => parseScenario(doc, withAsset ? asset : undefined));
          if (result.ok) return;
          const keys = ['schemaVersion', ...Object.keys(scenarios[0]!), ...Object.keys(doc)];
          for (const p of result.problems) {
            expect(pathUnder(p.path, keys), `problem path "${p.path}"`).toBe(true);
            expect(p.message.length).toBeGreaterThan(0);
          }
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    'random JSON and text give problems, never an exception',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            anyJson.map((v) => JSON.stringify(v) ?? ''),
            fc.string({ maxLength: 200 }),
          ),
          (text) => {
            const result = timed('parseScenarioJson', () => parseScenarioJson(text, asset));
            expect(result.ok).toBe(false);
          },
        ),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
