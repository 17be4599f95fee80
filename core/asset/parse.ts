import { assetSchema, type AssetDefinition } from './schema';
import { assetMigrations } from './migrate';
import { isKnownUnit, unitInfo } from '../units/units';
import { issueProblems } from '../validation/describe-issues';
import { unitQuantityProblems } from './unit-quantities';

/** One problem found in an asset file, with the JSON path of the field at fault. */
export interface AssetProblem {
  path: string;
  message: string;
}

export type AssetParseResult = { ok: true; asset: AssetDefinition } | { ok: false; problems: AssetProblem[] };

/** Parses and validates an asset definition from JSON text; never throws. */
export function parseAssetJson(text: string, source = 'asset file'): AssetParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: '(root)', message: `${source} is not valid JSON: ${(e as Error).message}` }],
    };
  }
  return parseAsset(raw);
}

/** Validates an already-parsed asset definition, migrating older schema versions first. */
export function parseAsset(raw: unknown): AssetParseResult {
  const migrated = assetMigrations.migrate(raw);
  if (!migrated.ok) return { ok: false, problems: [{ path: 'schemaVersion', message: migrated.message }] };
  const result = assetSchema.safeParse(migrated.value);
  if (!result.success) return { ok: false, problems: issueProblems(result.error) };
  const unitProblems: AssetProblem[] = [];
  result.data.tags.forEach((tag, i) => {
    if (!isKnownUnit(tag.unit))
      unitProblems.push({ path: `tags[${i}].unit`, message: `unknown unit "${tag.unit}"` });
  });
  result.data.controls.forEach((c, i) => {
    if (!isKnownUnit(c.unit))
      unitProblems.push({ path: `controls[${i}].unit`, message: `unknown unit "${c.unit}"` });
  });
  unitProblems.push(...unitQuantityProblems(result.data));
  const tagUnits = new Map(result.data.tags.map((t) => [t.id, t.unit]));
  result.data.sources?.bindings.forEach((b, i) => {
    if (b.unit === undefined) return;
    const tagUnit = tagUnits.get(b.tag) ?? b.unit;
    if (!isKnownUnit(b.unit))
      unitProblems.push({ path: `sources.bindings[${i}].unit`, message: `unknown unit "${b.unit}"` });
    else if (isKnownUnit(tagUnit) && !sameQuantity(b.unit, tagUnit))
      unitProblems.push({
        path: `sources.bindings[${i}].unit`,
        message: `"${b.unit}" cannot be converted to the tag's unit "${tagUnit}"`,
      });
  });
  if (unitProblems.length > 0) return { ok: false, problems: unitProblems };
  return { ok: true, asset: result.data };
}

export function describeProblems(problems: readonly AssetProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

const sameQuantity = (a: string, b: string): boolean => unitInfo(a).quantity === unitInfo(b).quantity;
