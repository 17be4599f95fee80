import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../../core/asset/parse';
import { CMAPSS_SENSOR_TAG_IDS } from '../../../core/data/cmapss';
import { toSI } from '../../../core/units/units';

const result = parseAssetJson(readFileSync('assets/turbofan/asset.json', 'utf8'), 'turbofan/asset.json');

describe('turbofan asset definition', () => {
  it('is valid and has the engine stations of Saxena et al. 2008', () => {
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const a = result.asset;
    expect(a.model).toBe('procedural:turbofan');
    expect(a.simulator).toBeUndefined();
    expect(a.components.map((c) => c.id)).toEqual([
      'fan',
      'lpc',
      'hpc',
      'combustor',
      'hpt',
      'lpt',
      'nozzle',
      'bypass_duct',
    ]);
  });

  it('has all 21 sensors and 3 settings, each measured on exactly one component', () => {
    if (!result.ok) throw new Error('invalid');
    const a = result.asset;
    const ids = a.tags.map((t) => t.id);
    for (const s of CMAPSS_SENSOR_TAG_IDS) expect(ids).toContain(s);
    expect(ids).toHaveLength(24);
    const owners = new Map<string, string[]>();
    for (const c of a.components) for (const t of c.tags) owners.set(t, [...(owners.get(t) ?? []), c.id]);
    for (const id of ids) expect(owners.get(id), id).toHaveLength(1);
    expect(owners.get('t30')).toEqual(['hpc']);
    expect(owners.get('t50')).toEqual(['lpt']);
    expect(owners.get('p15')).toEqual(['bypass_duct']);
    expect(owners.get('w31')).toEqual(['hpt']);
  });

  it('states temperatures in Rankine and pressures in psia, as NASA prints them', () => {
    if (!result.ok) throw new Error('invalid');
    const unit = (id: string) => result.asset.tags.find((t) => t.id === id)?.unit;
    expect(unit('t2')).toBe('°R');
    expect(unit('p30')).toBe('psia');
    expect(unit('nf')).toBe('rpm');
    expect(unit('w32')).toBe('pps');
    // The FD001 fan inlet (sea level, standard day) reads 518.67 °R = 288.15 K.
    const t2 = result.asset.tags.find((t) => t.id === 't2')!;
    expect(toSI(t2.normal[1], t2.unit)).toBeCloseTo(288.15, 2);
  });
});
