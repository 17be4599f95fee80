/**
 * The what-if's change texts in the active language: the 3D hover over a part, the legend's and split view's
 * "biggest change", and the charts' limit lines — part and tag names from the asset file's translations,
 * numbers through Intl.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhatIfRunResult } from '../../core/api/domains/whatif';
import { assetSchema } from '../../core/asset/schema';
import { describeChange } from '../../renderer/src/features/whatif/compare/change-text';
import { hoverText } from '../../renderer/src/features/whatif/compare/hover-text';
import { whatIfStore } from '../../renderer/src/features/whatif/whatif-store';
import { i18n } from '../../renderer/src/i18n/i18n';
import { localizeAsset } from '../../renderer/src/i18n/localize-asset';
import type { SceneComponent } from '../../renderer/src/scene/bind-components';
import { tagSpan } from '../../renderer/src/scene/paint/whatif-delta';
import { PLAIN_SCENE_FEED } from '../../renderer/src/scene/scene-feed';
import { setColorBy } from '../../renderer/src/state/view-store';
import { limitLines } from '../../renderer/src/ui/chart-data';

const asset = assetSchema.parse(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));
const idx = (id: string) => asset.tags.findIndex((t) => t.id === id);
const spans = Float32Array.from(asset.tags, tagSpan);

/** The motor as the scene binds it: its English name, its tags' indices. */
const motor = {
  id: 'motor',
  name: 'Induction motor 75 kW',
  tagIndices: Int32Array.from(asset.components.find((c) => c.id === 'motor')!.tags.map(idx)),
} as SceneComponent;

/** Two points two minutes apart: the plan raises motor speed by 290 rpm (48 % of its 600 rpm span). */
function result(): WhatIfRunResult {
  const mid = asset.tags.map((t) => (t.normal[0] + t.normal[1]) / 2);
  const series = (plan: boolean) => ({
    values: mid.map((v, i) => [v, plan && i === idx('motor_speed') ? v + 290 : v]),
    controls: {},
    kpis: {} as WhatIfRunResult['baseline']['kpis'],
  });
  return {
    forkId: 'f1',
    forkTime: 0,
    horizonS: 120,
    t: [0, 120_000],
    tagIds: asset.tags.map((t) => t.id),
    baseline: series(false),
    scenario: series(true),
    deltas: {},
    computeMs: 1,
  };
}

const tag = (id: string, language: string) => localizeAsset(asset, language).tags[idx(id)]!;

describe('what-if change texts', () => {
  beforeEach(() => {
    whatIfStore.setState({ result: result(), previewIndex: 1 });
    setColorBy({ mode: 'whatif-delta' });
  });
  afterEach(() => void i18n.changeLanguage('en'));

  it('say the change in English by default', () => {
    expect(describeChange(tag('motor_speed', 'en'), 1200, 1490, 290 / 600)).toBe(
      'Motor speed 1200 → 1490 rpm (+290, 48 % of span)',
    );
    expect(hoverText(motor, localizeAsset(asset, 'en'), spans)).toBe(
      'Induction motor 75 kW · +2 min: Motor speed 1200 → 1490 rpm (+290, 48 % of span)',
    );
  });

  it('say the change in Chinese, with the part and tag names of the asset file', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(describeChange(tag('motor_speed', 'zh-CN'), 1200, 1490, 290 / 600)).toBe(
      '电机转速 1200 → 1490 rpm（+290，量程的 48 %）',
    );
    expect(describeChange(tag('discharge_pressure', 'zh-CN'), 5.12, 4.9, 0.05)).toBe(
      '出口压力 5.12 → 4.90 bar(g)（−0.22，量程的 5 %）',
    );
    expect(hoverText(motor, localizeAsset(asset, 'zh-CN'), spans)).toBe(
      '异步电机 75 kW · +2 分钟：电机转速 1200 → 1490 rpm（+290，量程的 48 %）',
    );
  });

  it('name the part under the pointer in Chinese when no what-if is shown', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(PLAIN_SCENE_FEED.hoverText(motor, localizeAsset(asset, 'zh-CN'), spans)).toBe('异步电机 75 kW');
    setColorBy({ mode: 'alarm-distance' });
    expect(hoverText(motor, localizeAsset(asset, 'zh-CN'), spans)).toBe('异步电机 75 kW');
  });
});

describe('chart limit lines', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('are labelled in the active language', async () => {
    const current = asset.tags[idx('motor_current')]!;
    expect(limitLines(current).map((l) => l.label)).toEqual(['Trip high', 'Alarm high']);
    await i18n.changeLanguage('zh-CN');
    expect(limitLines(current).map((l) => l.label)).toEqual(['高跳闸', '高报警']);
    const level = asset.tags[idx('tank_level')]!;
    expect(limitLines(level).map((l) => [l.label, l.value])).toEqual([
      ['高报警', level.alarm!.high],
      ['低报警', level.alarm!.low],
      ['低跳闸', level.trip!.low],
    ]);
  });
});
