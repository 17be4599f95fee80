// What the toolbar and panels ask of the backend is named in the active language when it fails, and the
// notice that a training scenario holds the simulator offers its two ways out in that language too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimStatus } from '../../../core/api/types';
import type { TwinClient } from '../../../core/api/twin-api';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { sessionStore } from '../../../renderer/src/state/session-store';
import { loadAssetFiles, setControl, simCommand } from '../../../renderer/src/state/twin-actions';

const lastNotice = () => sessionStore.getState().notices.at(-1);
const refused = () => Promise.reject(new Error('disk full'));

beforeEach(() => {
  vi.stubGlobal('window', { twin: { setControl: refused } as Partial<TwinClient> });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  sessionStore.setState({ notices: [], sim: null });
  await i18n.changeLanguage('en');
});

describe('action notices in the active language', () => {
  it('name a failed call in English as before, and in Chinese', async () => {
    await setControl('speed_setpoint', 40);
    expect(lastNotice()?.message).toBe('Set control failed: disk full');
    await i18n.changeLanguage('zh-CN');
    await setControl('speed_setpoint', 40);
    expect(lastNotice()?.message).toBe('设定控制量失败：disk full');
  });

  it('say what holds the simulator, with buttons, in Chinese', async () => {
    sessionStore.setState({
      sim: { run: { kind: 'scenario', title: 'Cavitation' } } as unknown as SimStatus,
    });
    await simCommand({ kind: 'run' });
    expect(lastNotice()?.message).toBe(
      'The training scenario "Cavitation" holds the simulator, and the plant waits until you leave it. Play the scenario from the Trainer tab, or leave it to run the plant.',
    );
    await i18n.changeLanguage('zh-CN');
    await simCommand({ kind: 'reset' });
    expect(lastNotice()?.message).toMatch(/^培训场景“Cavitation”占用着模拟器/);
    expect(lastNotice()?.actions?.map((a) => a.label)).toEqual(['播放场景', '退出场景']);
  });

  it('ask for the asset file in Chinese when only a model was chosen', async () => {
    await i18n.changeLanguage('zh-CN');
    await loadAssetFiles([new File([new Uint8Array(4)], 'pump-skid.glb')]);
    expect(lastNotice()?.message).toBe('打开资产：请选择资产的 .json 文件（如有 .glb 模型，一并选择）');
  });
});
