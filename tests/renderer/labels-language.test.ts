/**
 * The 3D labels speak the new language at once after a switch, with no new data (paused, or between batches):
 * the label rows' refresh runs on the language change itself, not on the next telemetry batch.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assetSchema } from '../../core/asset/schema';
import { i18n } from '../../renderer/src/i18n/i18n';
import { formatValue } from '../../renderer/src/scene/ComponentLabels';
import { onDisplayedDataChange } from '../../renderer/src/scene/displayed-data-change';

const asset = assetSchema.parse(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));
const tagOf = (id: string) => asset.tags.find((t) => t.id === id)!;

describe('3D labels after a language switch', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(async () => {
    vi.useRealTimers();
    await i18n.changeLanguage('en');
  });

  it('are rewritten in the new language at once, without a data batch or a clock tick', async () => {
    const rows: string[] = [];
    const refresh = vi.fn(() => {
      rows.splice(
        0,
        rows.length,
        formatValue(tagOf('seal_leak_switch'), 1),
        formatValue(tagOf('flow'), 307.9),
      );
    });
    const stop = onDisplayedDataChange(refresh);
    await vi.advanceTimersByTimeAsync(300);
    expect(rows).toEqual(['ON', '307.9 m3/h']);
    const before = refresh.mock.calls.length;

    await i18n.changeLanguage('zh-CN');
    expect(refresh.mock.calls.length).toBe(before + 1);
    expect(rows).toEqual(['开', '307.9 m3/h']);

    stop();
    await i18n.changeLanguage('en');
    expect(refresh.mock.calls.length).toBe(before + 1);
  });
});
