import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../../core/asset/parse';
import type { AssetDefinition } from '../../../core/asset/schema';
import { proposeBand, signalStats } from '../../../core/data/skab/bands';
import { SKAB_SIGNALS } from '../../../core/data/skab/signals';
import { parseSkabCsv, poolTrainingRows } from '../../../core/data/skab/table';
import { readdirSync } from 'node:fs';

function load(file: string): AssetDefinition {
  const result = parseAssetJson(readFileSync(path.join('assets/skab-testbed', file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems)}`);
  return result.asset;
}

const json = load('asset.json');
const sparkplug = load('asset-sparkplug.json');
/** The valve1 recordings, beside the repository; absent on machines without the data. */
const VALVE1 = path.resolve('../shared/data/skab/valve1');

describe('SKAB testbed asset', () => {
  it('is a live, read-only asset on the procedural testbed model', () => {
    expect(json.id).toBe('skab-testbed');
    expect(json.model).toBe('procedural:skab-testbed');
    expect(json.simulator).toBeUndefined();
    expect(json.controls).toEqual([]);
    expect(json.faults).toEqual([]);
    expect(json.sources?.use).toBe('live');
    expect(json.sources?.writes).toEqual([]);
  });

  it('has the eight agreed tags with their units, decimals and alarm sides', () => {
    expect(json.tags.map((t) => [t.id, t.unit, t.decimals])).toEqual(
      SKAB_SIGNALS.map((s) => [s.tagId, s.unit, s.decimals]),
    );
    for (const s of SKAB_SIGNALS) {
      const tag = json.tags.find((t) => t.id === s.tagId)!;
      expect(tag.alarm?.low !== undefined, `${s.tagId} low alarm`).toBe(s.alarmSides !== 'high');
      expect(tag.alarm?.high !== undefined, `${s.tagId} high alarm`).toBe(s.alarmSides !== 'low');
      expect(tag.limitSource).toMatch(
        /valve1 recordings' training rows .*npm run skab:bands -- --training valve1/,
      );
      // The sensor's span holds the alarm limits, or an alarm would read as a bad value first.
      expect(tag.range[0]).toBeLessThanOrEqual(tag.alarm?.low ?? tag.normal[0]);
      expect(tag.range[1]).toBeGreaterThanOrEqual(tag.alarm?.high ?? tag.normal[1]);
    }
  });

  it('measures every tag on exactly one component, where the sensor sits', () => {
    const owner = new Map<string, string[]>();
    for (const c of json.components) for (const t of c.tags) owner.set(t, [...(owner.get(t) ?? []), c.id]);
    for (const t of json.tags) expect(owner.get(t.id), t.id).toHaveLength(1);
    expect(owner.get('accel1_rms')).toEqual(['pump']);
    expect(owner.get('motor_current')).toEqual(['motor']);
    expect(owner.get('loop_pressure')).toEqual(['pressure_sensor']);
    expect(owner.get('flow_rate')).toEqual(['flow_meter']);
    expect(owner.get('fluid_temp')).toEqual(['tank']);
  });

  it('binds each tag to its CSV column in the replayed JSON payload', () => {
    const [connection] = json.sources!.connections;
    expect(connection).toMatchObject({ id: 'testbed-broker', kind: 'mqtt', payload: 'json' });
    expect(json.sources!.bindings).toEqual(
      SKAB_SIGNALS.map((s) =>
        expect.objectContaining({
          tag: s.tagId,
          connection: 'testbed-broker',
          topic: 'skab/testbed/sensors',
          value: `/${s.column}`,
          timestamp: '/timestamp',
          staleAfterS: 5,
        }),
      ),
    );
  });

  it('has a Sparkplug B twin that differs only in its sources', () => {
    const { sources: _json, ...jsonRest } = json;
    const { sources: _sparkplug, ...sparkplugRest } = sparkplug;
    expect(sparkplugRest).toEqual(jsonRest);
    expect(sparkplug.sources!.connections[0]).toMatchObject({ payload: 'sparkplug', sparkplugGroup: 'skab' });
    expect(sparkplug.sources!.bindings).toEqual(
      SKAB_SIGNALS.map((s) =>
        expect.objectContaining({ tag: s.tagId, edgeNode: 'testbed', metric: s.column, staleAfterS: 5 }),
      ),
    );
    for (const b of sparkplug.sources!.bindings) expect(b.device).toBeUndefined();
  });

  it.skipIf(!existsSync(VALVE1))('holds the bands npm run skab:bands -- --training valve1 proposes', () => {
    const files = readdirSync(VALVE1).filter((f) => f.endsWith('.csv'));
    const table = poolTrainingRows(
      files.map((f) => parseSkabCsv(readFileSync(path.join(VALVE1, f), 'utf8'))),
    );
    expect(table.rows).toBe(16 * 400);
    for (const s of SKAB_SIGNALS) {
      const tag = json.tags.find((t) => t.id === s.tagId)!;
      const band = proposeBand(signalStats(table.columns.get(s.column)!), s);
      expect(tag.normal, s.tagId).toEqual(band.normal);
      expect(tag.alarm ?? {}, s.tagId).toEqual(band.alarm);
    }
  });
});
