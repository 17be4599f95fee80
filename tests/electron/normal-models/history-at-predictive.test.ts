// historyAt gives the replay the predictive alarm as the backend recorded it live (raised, acknowledged,
// cleared), through the same recorder and a real DuckDB store; limit alarms stay apart.
import { describe, expect, it, vi } from 'vitest';
import { PREDICTIVE_ALARM_ID, type PredictiveAlarm } from '../../../core/alarms/predictive-alarm';
import type { HistoryAt, HistoryInfo } from '../../../core/api/domains/history';
import { fakeContext } from '../history/fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from '../history/helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const dir = tempDirsRemovedAfterAll();

const predictive = (state: PredictiveAlarm['state'], peakScore: number): PredictiveAlarm => ({
  id: PREDICTIVE_ALARM_ID,
  priority: 'medium',
  state,
  active: state !== 'rtn-unack',
  raisedAt: T0 + 10_000,
  peakScore,
  threshold: 4.18,
  why: ['flow', 'discharge_pressure'],
  componentId: 'pump',
});

describe('historyAt and the recorded predictive alarm', () => {
  it('returns it at the playhead in its recorded state, and none before its raise or after it cleared', async () => {
    const f = fakeContext(asset, dir('predictive'));
    await f.call('historyInfo');
    const at = async (t: number) => (await f.call<HistoryAt>('historyAt', { t })).predictive;
    f.sim.time = T0 + 10_000;
    f.ctx.emit({ type: 'alarms', snapshot: { alarms: [], predictive: predictive('unack', 6.5) } });
    f.sim.time = T0 + 20_000;
    f.ctx.emit({ type: 'alarms', snapshot: { alarms: [], predictive: predictive('ack', 8.25) } });
    f.sim.time = T0 + 30_000;
    f.ctx.emit({ type: 'alarms', snapshot: { alarms: [], predictive: null } });
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 60) });
    await vi.waitFor(async () => expect((await f.call<HistoryInfo>('historyInfo')).sampleCount).toBe(60), {
      timeout: 5000,
      interval: 20,
    });

    expect(await at(T0 + 5_000)).toBeNull();
    const raised = await at(T0 + 15_000);
    expect(raised).toEqual({
      ...predictive('unack', 6.5),
      componentId: asset.components.find((c) => c.tags.includes('flow'))!.id,
    });
    expect(await at(T0 + 25_000)).toMatchObject({ state: 'ack', peakScore: 8.25, raisedAt: T0 + 10_000 });
    expect(await at(T0 + 35_000)).toBeNull();
    expect((await f.call<HistoryAt>('historyAt', { t: T0 + 15_000 })).alarms).toEqual([]);
    await f.dispose();
  });
});
