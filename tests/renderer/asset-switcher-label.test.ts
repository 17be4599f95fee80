import { describe, expect, it } from 'vitest';
import type { AssetSummary } from '../../core/api/domains/assets';
import { assetOptionLabel, backgroundAttention } from '../../renderer/src/shell/asset-switcher-label';

const summary = (over: Partial<AssetSummary>): AssetSummary => ({
  assetId: 'skab-testbed',
  name: 'SKAB water-pump testbed',
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
  it('shows each running asset with its health, source, stale tags and alarms', () => {
    expect(assetOptionLabel(summary({ health: 'degraded', staleTags: 3, activeAlarms: 2 }))).toBe(
      '◐ SKAB water-pump testbed · live 1/1 · 3 stale · 2 alarms',
    );
    expect(assetOptionLabel(summary({ name: 'Pump skid P-101', mode: 'simulator', connections: 0 }))).toBe(
      '● Pump skid P-101 · simulator',
    );
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
