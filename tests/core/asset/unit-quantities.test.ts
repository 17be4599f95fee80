import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsset, parseAssetJson } from '../../../core/asset/parse';

const pumpSkidText = readFileSync('assets/pump-skid/asset.json', 'utf8');
type RawAsset = Record<string, unknown> & { tags: Record<string, unknown>[] };
const pumpSkid = () => JSON.parse(pumpSkidText) as RawAsset;
const tagIndex = (a: RawAsset, id: string) => a.tags.findIndex((t) => t.id === id);

function problemsOf(raw: unknown) {
  const r = parseAsset(raw);
  if (r.ok) throw new Error('expected the asset to be rejected');
  return r.problems;
}

describe('a tag unit must measure the tag’s quantity (issue #17, problem 4)', () => {
  it('rejects the flow in kPa and the bearing temperature in bar, naming each field', () => {
    const a = pumpSkid();
    const flow = tagIndex(a, 'flow');
    const bearing = tagIndex(a, 'bearing_de_temp');
    a.tags[flow]!.unit = 'kPa';
    a.tags[bearing]!.unit = 'bar';
    expect(problemsOf(a)).toEqual([
      {
        path: `tags[${flow}].unit`,
        message: '"kPa" is a pressure unit, but flow measures flow (m3/s, m3/h, L/h, …)',
      },
      {
        path: `tags[${bearing}].unit`,
        message: '"bar" is a pressure unit, but bearing_de_temp measures temperature (K, °C, °F, …)',
      },
    ]);
  });

  it('accepts another unit of the same quantity for a simulator signal', () => {
    const a = pumpSkid();
    a.tags[tagIndex(a, 'bearing_de_temp')]!.unit = '°F';
    expect(parseAsset(a).ok).toBe(true);
  });

  it('checks a declared quantity on a tag the simulator does not feed', () => {
    const a = pumpSkid();
    delete a.simulator;
    const k = tagIndex(a, 'discharge_pressure');
    a.tags[k]!.quantity = 'pressure';
    a.tags[k]!.unit = 'm3/h';
    expect(problemsOf(a)).toEqual([
      {
        path: `tags[${k}].unit`,
        message: '"m3/h" is a flow unit, but discharge_pressure measures pressure (Pa, kPa, bar, …)',
      },
    ]);
    a.tags[k]!.unit = 'psi';
    expect(parseAsset(a).ok).toBe(true);
    a.tags[k]!.quantity = 'pressure drop';
    expect(problemsOf(a)[0]?.path).toBe(`tags[${k}].quantity`);
  });

  it('rejects a declared quantity that contradicts the simulator signal', () => {
    const a = pumpSkid();
    const k = tagIndex(a, 'flow');
    a.tags[k]!.quantity = 'pressure';
    a.tags[k]!.unit = 'bar';
    expect(problemsOf(a).map((p) => p.path)).toEqual([`tags[${k}].quantity`, `tags[${k}].unit`]);
  });

  it('still loads every built-in asset', () => {
    for (const file of [
      'assets/pump-skid/asset.json',
      'assets/turbofan/asset.json',
      'assets/examples/pump-skid-glb/asset.json',
    ]) {
      const r = parseAssetJson(readFileSync(file, 'utf8'), file);
      expect(r.ok ? [] : r.problems, file).toEqual([]);
    }
  });
});
