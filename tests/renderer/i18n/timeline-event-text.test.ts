// The history timeline's event labels: the backend builds them from the stored payload as English and a
// phrase, and the renderer says the phrase with the asset's names in the active language.
import { afterEach, describe, expect, it } from 'vitest';
import { toEventItem } from '../../../electron/services/history/queries/event-items';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { localizeAsset } from '../../../renderer/src/i18n/localize-asset';
import { eventLabel } from '../../../renderer/src/features/history/timeline/event-label';
import { pumpSkid } from '../../core/whatif/helpers';

const asset = pumpSkid();
const injected = toEventItem(asset, {
  ts: 1000,
  kind: 'fault-injection',
  payload: { instanceId: 'f1', faultId: 'bearing_wear', severity: 0.25, growthPerHour: 0.05 },
});
const setpoint = toEventItem(asset, {
  ts: 2000,
  kind: 'control-change',
  payload: { controlId: 'speed_setpoint', from: 50, to: 42.5 },
});
const say = (item: ReturnType<typeof toEventItem>, language: string) =>
  eventLabel(item, localizeAsset(asset, language));

describe('timeline event labels', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('read in English as the backend wrote them', () => {
    expect(injected.label).toBe('Fault injected: Pump DE bearing wear (severity 25 %, +5 %/h)');
    expect(say(injected, 'en')).toBe(injected.label);
    expect(say(setpoint, 'en')).toBe('Setpoint Speed setpoint: 50 → 42.5 Hz');
  });

  it('name the fault and the setpoint in Chinese from the asset’s translations', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(say(injected, 'zh-CN')).toBe('注入故障：泵驱动端轴承磨损（严重程度 25 %，每小时 +5 %）');
    expect(say(setpoint, 'zh-CN')).toBe('设定值 转速设定值：50 → 42.5 Hz');
  });

  it('keep an id the asset does not know, and a user’s bookmark note as written', async () => {
    await i18n.changeLanguage('zh-CN');
    const cleared = toEventItem(asset, { ts: 3, kind: 'fault-clear', payload: { faultId: 'retired_fault' } });
    expect(say(cleared, 'zh-CN')).toBe('故障已清除：retired_fault');
    const note = toEventItem(asset, { ts: 4, kind: 'bookmark', payload: { note: 'pump noisy' } });
    expect(say(note, 'zh-CN')).toBe('pump noisy');
  });
  it('say a recorded limit alarm again from its tag and limit, in Chinese', async () => {
    const raised = toEventItem(asset, {
      ts: 5,
      kind: 'alarm',
      payload: {
        alarmId: 'bearing_de_temp:alarm-high',
        tagId: 'bearing_de_temp',
        kind: 'alarm-high',
        priority: 'medium',
        from: 'normal',
        to: 'unack',
        value: 91,
        message: 'Pump DE bearing temperature high (90 °C)',
      },
    });
    expect(say(raised, 'en')).toBe('Alarm raised: Pump DE bearing temperature high (90.0 °C)');
    await i18n.changeLanguage('zh-CN');
    expect(say(raised, 'zh-CN')).toBe('报警触发：泵驱动端轴承温度高报警（90.0 °C）');
  });
});
