import type { AssetDefinition } from '../asset/schema';
import { issueProblems } from '../validation/describe-issues';
import { scenarioMigrations } from './migrate';
import { scenarioSchema, type Scenario } from './schema';

/** One problem found in a scenario file, with the JSON path of the field at fault. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

export type ScenarioParseResult =
  { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Parses and validates a scenario file; never throws. With an asset, ids in it are checked against it too. */
export function parseScenarioJson(
  text: string,
  asset?: AssetDefinition,
  source = 'scenario file',
): ScenarioParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: '(root)', message: `${source} is not valid JSON: ${(e as Error).message}` }],
    };
  }
  return parseScenario(raw, asset);
}

export function parseScenario(raw: unknown, asset?: AssetDefinition): ScenarioParseResult {
  const migrated = scenarioMigrations.migrate(raw);
  if (!migrated.ok) return { ok: false, problems: [{ path: 'schemaVersion', message: migrated.message }] };
  const result = scenarioSchema.safeParse(migrated.value);
  if (!result.success) return { ok: false, problems: issueProblems(result.error) };
  const problems = asset ? checkAgainstAsset(result.data, asset) : [];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: result.data };
}

/** Ids in the scenario that the asset does not have. */
function checkAgainstAsset(s: Scenario, asset: AssetDefinition): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const has = (list: readonly { id: string }[], x: string) => list.some((e) => e.id === x);
  if (s.assetId !== asset.id)
    problems.push({
      path: 'assetId',
      message: `written for asset "${s.assetId}", but "${asset.id}" is loaded`,
    });
  for (const c of Object.keys(s.initialControls))
    if (!has(asset.controls, c))
      problems.push({ path: `initialControls.${c}`, message: `unknown control "${c}"` });
  s.timeline.forEach((e, i) => {
    const at = `timeline[${i}]`;
    if (e.kind === 'camera' && !has(asset.components, e.componentId))
      problems.push({ path: `${at}.componentId`, message: `unknown component "${e.componentId}"` });
    if (e.kind === 'fault' && !has(asset.faults, e.faultId))
      problems.push({ path: `${at}.faultId`, message: `unknown fault "${e.faultId}"` });
    if (
      e.kind === 'fault' &&
      asset.faults.find((f) => f.id === e.faultId)?.targetsTag &&
      !has(asset.tags, e.targetTag ?? '')
    )
      problems.push({
        path: `${at}.targetTag`,
        message: `sensor fault "${e.faultId}" needs a tag of this asset`,
      });
    if (e.kind === 'control' && !has(asset.controls, e.controlId))
      problems.push({ path: `${at}.controlId`, message: `unknown control "${e.controlId}"` });
    if (e.atS > s.durationS)
      problems.push({
        path: `${at}.atS`,
        message: `${e.atS} s is after the end (durationS ${s.durationS} s)`,
      });
  });
  s.expectedActions.forEach((a, i) => {
    if (a.kind === 'set-control' && !has(asset.controls, a.controlId))
      problems.push({ path: `expectedActions[${i}].controlId`, message: `unknown control "${a.controlId}"` });
    if (a.kind === 'ack-alarm' && a.tagId !== undefined && !has(asset.tags, a.tagId))
      problems.push({ path: `expectedActions[${i}].tagId`, message: `unknown tag "${a.tagId}"` });
  });
  return problems;
}

export function describeScenarioProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
