import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssetSummary } from '../../core/api/domains/assets';
import { assetSchema } from '../../core/asset/schema';
import { summarizeAsset } from '../../electron/services/asset-summary';
import { i18n } from '../../renderer/src/i18n/i18n';
import { assetOptionLabel, backgroundAttention } from '../../renderer/src/shell/asset-switcher-label';

const summary = (over: Partial<AssetSummary>): AssetSummary => ({
  assetId: 'skab-testbed',
  name: 'SKAB water-pump testbed',
  names: { 'zh-CN': 'SKAB 水泵试验台' },
  active: false,
  mode: 'live',
  source: 'Live: MQTT mqtt://127.0.0.1:1883',
  connected: 1,
  connections: 1,
  staleTags: 0,
  activeAlarms: 0,
  health: 'ok',
  ...over,
});

describe('asset switcher', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('shows each running asset with its health, source, stale tags and alarms', () => {
    expect(assetOptionLabel(summary({ health: 'degraded', staleTags: 3, activeAlarms: 2 }))).toBe(
      '◐ SKAB water-pump testbed · live 1/1 · 3 stale · 2 alarms',
    );
    expect(
      assetOptionLabel(summary({ name: 'Pump skid P-101', names: {}, mode: 'simulator', connections: 0 })),
    ).toBe('● Pump skid P-101 · simulator');
  });

  it('names each asset in Chinese from its asset file once the language is zh-CN', async () => {
    const pump = assetSchema.parse(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));
    const listed = summarizeAsset(pump, true, 'simulator', 'Pump-skid simulator (seed 1)', null, []);
    expect(listed.names['zh-CN']).toBe('离心泵撬 P-101');
    await i18n.changeLanguage('zh-CN');
    expect(assetOptionLabel(listed)).toBe('● 离心泵撬 P-101 · 仿真');
    expect(assetOptionLabel(summary({ health: 'degraded', staleTags: 3, activeAlarms: 2 }))).toMatch(
      /^◐ SKAB 水泵试验台 · /,
    );
    // An asset file without a Chinese name keeps its own.
    expect(assetOptionLabel(summary({ name: 'Bench B-7', names: {} }))).toMatch(/^● Bench B-7 · /);
  });

  it('draws attention to the worst asset that is not shown', () => {
    expect(backgroundAttention([summary({ active: true, health: 'down' }), summary({})])).toBeNull();
    expect(
      backgroundAttention([
        summary({ active: true }),
        summary({ health: 'degraded' }),
        summary({ health: 'down' }),
      ]),
    ).toBe('down');
  });
});
