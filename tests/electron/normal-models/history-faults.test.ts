// Known faults read from an asset's history event log, as the backend lists it (toEventItem over stored
// events and alarm transitions): fault injections until cleared, limit alarms until their condition clears.
import { describe, expect, it } from 'vitest';
import type { HistoryEventItem } from '../../../core/history/types';
import { knownFaultsFromHistory } from '../../../core/ml/normal/history-faults';
import { toEventItem } from '../../../electron/services/history/queries/event-items';
import { builtInAssetPath, readAssetFile } from '../../../electron/services/asset-files';

const asset = readAssetFile(builtInAssetPath(process.cwd()));
const T0 = Date.UTC(2026, 11, 1);
const min = 60_000;

const injected = (ts: number, instanceId: string, faultId: string, targetTag?: string) =>
  toEventItem(asset, {
    ts,
    kind: 'fault-injection',
    payload: { instanceId, faultId, severity: 0.8, growthPerHour: 0, ...(targetTag ? { targetTag } : {}) },
  });
const cleared = (ts: number, instanceId: string, faultId: string) =>
  toEventItem(asset, { ts, kind: 'fault-clear', payload: { instanceId, faultId } });
/** An alarm transition as the store's event read returns it. */
const transition = (ts: number, tagId: string, kind: string, from: string | null, to: string) =>
  toEventItem(asset, {
    ts,
    kind: 'alarm',
    payload: { alarmId: `${tagId}:${kind}`, tagId, kind, priority: 'high', from, to, value: 1, message: '' },
  });

describe('known faults from the history event log', () => {
  it('spans a fault injection from onset to clearing, naming the fault and a sensor fault’s tag', () => {
    const bearing = asset.faults.find((f) => f.id !== 'sensor_bias')!;
    const events: HistoryEventItem[] = [
      injected(T0 + 10 * min, 'a', bearing.id),
      injected(T0 + 20 * min, 'b', 'sensor_bias', 'flow'),
      cleared(T0 + 30 * min, 'a', bearing.id),
    ];
    expect(knownFaultsFromHistory(events, asset, T0 + 60 * min)).toEqual([
      {
        fromMs: T0 + 10 * min,
        toMs: T0 + 30 * min,
        label: `fault "${bearing.name}" injected`,
        cause: { kind: 'fault-injection', faultId: bearing.id },
      },
      {
        fromMs: T0 + 20 * min,
        toMs: T0 + 60 * min,
        label: expect.stringContaining('injected') as string,
        tagId: 'flow',
        cause: { kind: 'fault-injection', faultId: 'sensor_bias' },
      },
    ]);
  });

  it('spans a limit alarm while its condition stands (acknowledging does not end it), not predictive alarms', () => {
    const events: HistoryEventItem[] = [
      transition(T0 + 5 * min, 'bearing_de_temp', 'alarm-high', null, 'unack'),
      transition(T0 + 6 * min, 'bearing_de_temp', 'alarm-high', 'unack', 'ack'),
      transition(T0 + 9 * min, 'bearing_de_temp', 'alarm-high', 'ack', 'normal'),
      transition(T0 + 12 * min, 'flow', 'alarm-low', 'normal', 'unack'),
      transition(T0 + 13 * min, 'flow', 'alarm-low', 'unack', 'rtn-unack'),
      transition(T0 + 40 * min, 'flow', 'alarm-low', 'rtn-unack', 'normal'),
      toEventItem(asset, {
        ts: T0 + 15 * min,
        kind: 'alarm',
        payload: {
          alarmId: 'normal-behaviour:predictive',
          tagId: 'flow',
          kind: 'predictive',
          from: null,
          to: 'unack',
        },
      }),
    ];
    expect(knownFaultsFromHistory(events, asset, T0 + 60 * min)).toMatchObject([
      {
        fromMs: T0 + 5 * min,
        toMs: T0 + 9 * min,
        tagId: 'bearing_de_temp',
        cause: { alarmKind: 'alarm-high' },
      },
      { fromMs: T0 + 12 * min, toMs: T0 + 13 * min, tagId: 'flow', cause: { alarmKind: 'alarm-low' } },
    ]);
  });

  it('ends what is still standing at the given time', () => {
    const events = [transition(T0, 'flow', 'trip-low', null, 'unack')];
    expect(knownFaultsFromHistory(events, asset, T0 + min)).toMatchObject([{ fromMs: T0, toMs: T0 + min }]);
  });
});
