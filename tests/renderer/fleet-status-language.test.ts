/** The fleet view's status line and its model problem are said in the language shown now, not the one they were written in. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TwinClient } from '../../core/api/twin-api';
import type { FleetSummary, FleetTracks } from '../../core/fleet/types';
import { importCmapssFile, showSubset } from '../../renderer/src/features/fleet/fleet-session';
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

describe('fleet model problem', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    return i18n.changeLanguage('en');
  });

  it('rewords why no RUL is shown at once when the language changes', async () => {
    const tracks: FleetTracks = { subset: 'FD002', deviationSensors: [], units: [] };
    vi.stubGlobal('window', { twin: { fleetTracks: () => Promise.resolve(tracks) } as Partial<TwinClient> });
    const summary = {
      subset: 'FD002',
      fileName: 'test_FD002.txt',
      rows: 0,
      units: [],
      model: null,
      modelProblem: 'no model for FD002 (models/fd002/ has no trained model yet)',
      modelProblemPhrase: { code: 'fleetNoModel', params: { subset: 'FD002', folder: 'models/fd002' } },
      stored: null,
      storeProblem: null,
      storeProblemPhrase: null,
    } as unknown as FleetSummary;
    fleetStore.setState({ fleets: { FD002: summary } });
    await showSubset('FD002');
    const problem = () => fleetStore.getState().modelProblem?.();
    expect(problem()).toBe('no model for FD002 (models/fd002/ has no trained model yet)');
    await i18n.changeLanguage('zh-CN');
    expect(problem()).toMatch(/^没有 FD002 的模型（models\/fd002\/ 中尚无训练好的模型）$/);
  });
});
