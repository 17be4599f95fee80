/** Notices the renderer composes itself (trainer file problems, a GLB missing parts) speak the active language. */
import { afterEach, describe, expect, it } from 'vitest';
import { openScenarioFile } from '../../renderer/src/features/trainer/trainer-actions';
import { i18n } from '../../renderer/src/i18n/i18n';
import { describeMissing } from '../../renderer/src/scene/model/glb-model';
import { sessionStore } from '../../renderer/src/state/session-store';

const lastNotice = () => sessionStore.getState().notices.at(-1)?.message;

describe('renderer notices in the active language', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('say a scenario file that cannot be read in Chinese, naming the file and the cause', async () => {
    // No backend here: the call fails, as an unreadable file or a lost connection would.
    const unreadable = { name: 'night-shift.json', text: () => Promise.reject(new Error('EACCES')) } as File;
    await openScenarioFile(unreadable);
    expect(lastNotice()).toMatch(/^Could not open night-shift\.json: \S/);
    await i18n.changeLanguage('zh-CN');
    await openScenarioFile(unreadable);
    expect(lastNotice()).toMatch(/^无法打开 night-shift\.json：\S/);
  });

  it('name the parts a GLB lacks in Chinese, keeping ids and node names', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(describeMissing('pump-skid.glb', [{ componentId: 'seal', nodes: ['seal-cartridge'] }])).toBe(
      'pump-skid.glb 中没有以下部件的节点：seal ("seal-cartridge")；这些部件不显示，也不着色。',
    );
  });
});
