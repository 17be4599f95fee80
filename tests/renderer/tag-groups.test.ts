import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assetSchema } from '../../core/asset/schema';
import {
  actualTagForControl,
  componentTags,
  groupTagsByComponent,
} from '../../renderer/src/features/live/tag-groups';
import { limitLines, windowSeries, yRange } from '../../renderer/src/ui/chart-data';

const asset = assetSchema.parse(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));

describe('tag grouping', () => {
  it('groups every tag of the pump skid once, under its component', () => {
    const groups = groupTagsByComponent(asset);
    const ids = groups.flatMap((g) => g.tags.map((t) => t.tag.id));
    expect(ids).toHaveLength(asset.tags.length);
    expect(new Set(ids).size).toBe(asset.tags.length);
    expect(groups.find((g) => g.id === 'coupling')).toBeUndefined();
    const motor = groups.find((g) => g.id === 'motor');
    expect(motor?.tags.map((t) => t.tag.id)).toContain('winding_temp');
    for (const g of groups) for (const t of g.tags) expect(asset.tags[t.index]?.id).toBe(t.tag.id);
  });

  it('puts tags that no component lists under "Other"', () => {
    const trimmed = { ...asset, components: asset.components.filter((c) => c.id !== 'skid') };
    const other = groupTagsByComponent(trimmed).at(-1);
    expect(other?.name).toBe('Other');
    expect(other?.tags.map((t) => t.tag.id)).toEqual(['ambient_temp']);
  });

  it('lists a component’s tags with ring indices', () => {
    const tags = componentTags(asset, 'bearing_de');
    expect(tags.map((t) => t.tag.instrument)).toEqual(['VT211', 'VE211', 'TE211']);
    expect(componentTags(asset, 'nope')).toEqual([]);
  });

  it('finds the measured tag that follows each control', () => {
    const byControl = Object.fromEntries(
      asset.controls.map((c) => [c.id, actualTagForControl(asset, c)?.tag.id ?? null]),
    );
    expect(byControl).toEqual({
      speed_setpoint: 'vfd_frequency',
      valve_setpoint: 'valve_position',
      level_setpoint: 'tank_level',
    });
  });
});

describe('chart data', () => {
  it('keeps the last window of samples in seconds, with gaps as null', () => {
    const t = [0, 1000, 2000, 3000, 4000];
    const v = [1, 2, Number.NaN, 4, 5];
    expect(windowSeries(t, v, 2000)).toEqual({ x: [2, 3, 4], y: [null, 4, 5] });
  });

  it('decimates long series by min/max per bucket, keeping extremes', () => {
    const n = 10_000;
    const t = Array.from({ length: n }, (_, i) => i * 100);
    const v = Array.from({ length: n }, (_, i) => (i === 5000 ? 99 : Math.sin(i / 50)));
    const { x, y } = windowSeries(t, v, Infinity, 500);
    expect(x.length).toBeLessThanOrEqual(500);
    expect(Math.max(...y.map((value) => value ?? -Infinity))).toBe(99);
    for (let i = 1; i < x.length; i++) expect(x[i]).toBeGreaterThan(x[i - 1] ?? -Infinity);
  });

  it('lists limits and includes alarm limits in the y range', () => {
    const tag = asset.tags.find((t) => t.id === 'bearing_de_temp');
    if (!tag) throw new Error('missing tag');
    expect(limitLines(tag).map((l) => [l.kind, l.value])).toEqual([
      ['trip', 100],
      ['alarm', 90],
    ]);
    const [lo, hi] = yRange([50, 55, null], tag);
    expect(lo).toBeLessThan(40);
    expect(hi).toBeGreaterThan(100);
  });
});
