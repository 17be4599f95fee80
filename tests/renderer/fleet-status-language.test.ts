/** The fleet view's status line is said in the language shown now, not the one it was written in. */
import { afterEach, describe, expect, it } from 'vitest';
import { importCmapssFile } from '../../renderer/src/features/fleet/fleet-session';
import { fleetStore } from '../../renderer/src/features/fleet/fleet-store';
import { i18n } from '../../renderer/src/i18n/i18n';

describe('fleet status line', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('rewords a failed import at once when the language changes', async () => {
    const unreadable = { name: 'test_FD001.txt', text: () => Promise.reject(new Error('disk gone')) } as File;
    await importCmapssFile(unreadable);
    const { status } = fleetStore.getState();
    expect(status.kind).toBe('error');
    expect(status.message()).toMatch(/test_FD001\.txt.*disk gone/);
    expect(status.message()).not.toMatch(/[\u4e00-\u9fff]/);
    await i18n.changeLanguage('zh-CN');
    expect(fleetStore.getState().status.message()).toMatch(/[\u4e00-\u9fff]/);
    expect(fleetStore.getState().status.message()).toMatch(/test_FD001\.txt.*disk gone/);
  });
});
