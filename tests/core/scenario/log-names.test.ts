import { describe, expect, it } from 'vitest';
import { logNamesOf } from '../../../core/scenario/log-names';
import { parseScenario } from '../../../core/scenario/parse';
import { ScenarioPlayer } from '../../../core/scenario/player';
import type { ScenarioInput } from '../../../core/scenario/schema';
import { pumpSkid } from '../whatif/helpers';

const asset = pumpSkid();
const input: ScenarioInput = {
  schemaVersion: 3,
  id: 'names',
  title: 'Names',
  summary: 'Log names',
  seed: 1,
  assetId: 'pump-skid',
  durationS: 600,
  timeline: [
    { atS: 10, kind: 'fault', faultId: 'sensor_bias', severity: 0.5, targetTag: 'flow' },
    { atS: 20, kind: 'control', controlId: 'valve_setpoint', value: 60 },
  ],
  expectedActions: [],
};

describe('trainer log names (issue #17, problem 10)', () => {
  it('names controls, faults and tags as the UI shows them, in English and Chinese, values with their unit', () => {
    const r = parseScenario(input, asset);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const summary = {
      id: 'names',
      title: { en: 'Names' },
      summary: { en: '' },
      faultType: null,
      durationS: 600,
      pace: { fastForward: 60, actionWindow: 1, openActionS: 180 },
      source: 'test',
    };
    const p = new ScenarioPlayer(r.scenario, summary, logNamesOf(asset));
    p.setStatus('playing', 0);
    p.advanceTo(30);
    p.traineeSetControl('speed_setpoint', 40, 40);
    expect(p.state().log.map((e) => e.text.en)).toEqual([
      'Fault Sensor bias starts (severity 0.50, +0/h on FT101 Discharge flow)',
      'Script sets Valve opening to 60 %',
      'Trainee sets Speed setpoint to 40 Hz',
    ]);
    expect(p.state().log.map((e) => e.text['zh-CN'])).toEqual([
      '故障“传感器偏差”开始（严重程度 0.50，每小时 +0，作用于 FT101 出口流量）',
      '脚本将阀门开度设定设为 60 %',
      '学员将转速设定值设为 40 Hz',
    ]);
  });

  it('says an alarm in Chinese from its tag, kind and limit, and keeps the English message', () => {
    const names = logNamesOf(asset);
    const alarm = { tagId: 'flow', kind: 'alarm-low', limit: 40, message: 'Discharge flow low (40 m3/h)' };
    expect(names.alarm(alarm)).toEqual({ en: alarm.message, 'zh-CN': '出口流量低报警（40.0 m3/h）' });
    expect(names.alarm({ ...alarm, tagId: 'gone' }), 'a tag the asset lacks').toEqual({ en: alarm.message });
  });
});
