// "Learn normal" as the dialog runs it, against a history grid built from real rows and the worker's training
// code: a period read and trained gives a report and nothing is stored until Deploy; Cancel or a refused
// period leaves no model behind.
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEventItem, HistoryGrid, HistoryGridRequest } from '../../core/api/domains/history';
import type { AssetDefinition } from '../../core/asset/schema';
import type { InferenceClient } from '../../renderer/src/inference/inference-api';
import { NormalTrainingJobs } from '../../renderer/src/inference/normal-training';
import { cancelLearnNormal, learnNormal } from '../../renderer/src/features/model-versions/normal-learn-run';
import { normalLearnStore } from '../../renderer/src/features/model-versions/normal-learn-store';
import { playbackStore } from '../../renderer/src/state/playback-store';
import { knownFaultText } from '../../renderer/src/features/model-versions/known-fault-text';
import { toEventItem } from '../../electron/services/history/queries/event-items';
import { normalRows, syntheticTags } from '../core/ml/normal/synthetic';

const tags = syntheticTags(3);
const asset = {
  id: 'test-rig',
  name: 'Test rig',
  tags,
  components: [],
  controls: [],
  faults: [{ id: 'stuck_valve', name: 'Stuck valve' }],
} as unknown as AssetDefinition;
const T0 = Date.UTC(2026, 0, 1);
const rows = normalRows(3000, 3, 17);

/** The store's grid over `rows` stored at T0 + i s, and its event log (`events`, in time order). */
function history(onCall: () => void = () => undefined, events: HistoryEventItem[] = []) {
  return {
    historyEvents: (req: { from: number; to: number; limit?: number }): Promise<HistoryEventItem[]> =>
      Promise.resolve(events.filter((e) => e.ts >= req.from && e.ts <= req.to).slice(0, req.limit ?? 5000)),
    historyGrid: (req: HistoryGridRequest): Promise<HistoryGrid> => {
      onCall();
      const values = tags.map((_, j) =>
        Array.from({ length: req.steps }, (_, r) => {
          const i = (req.to - (req.steps - 1 - r) * req.stepMs - T0) / 1000;
          return rows[i]?.[j] ?? null;
        }),
      );
      return Promise.resolve({
        to: req.to,
        stepMs: req.stepMs,
        tagIds: tags.map((t) => t.id),
        values,
        setpoints: {},
      });
    },
  };
}

function client(): InferenceClient {
  const jobs = new NormalTrainingJobs();
  return {
    trainNormal: (
      req: Parameters<InferenceClient['trainNormal']>[0],
      onProgress: Parameters<InferenceClient['trainNormal']>[1],
    ) => jobs.train(req, onProgress),
    cancelFineTune: (jobId: string) => Promise.resolve(jobs.cancel(jobId)),
  } as unknown as InferenceClient;
}

const choose = (minutes: number) => {
  playbackStore.setState({ range: { from: T0, to: T0 + 2999_000 } });
  normalLearnStore.setState({ choice: 'first-minutes', minutes, status: 'idle', result: null });
};

afterEach(() => playbackStore.setState({ range: null, view: null }));

describe('learn normal in the dialog', () => {
  it('reads the first N minutes, trains, and reports without storing anything', async () => {
    choose(40);
    await learnNormal(history(), client(), asset);
    const s = normalLearnStore.getState();
    expect(s.status).toBe('done');
    expect(s.refusals).toEqual([]);
    expect(s.result!.card.training.rows).toBe(2400);
    expect(s.result!.card.training.heldOutRows).toBe(600);
    expect(s.result!.card.training.data).toEqual({
      source: 'history of test-rig',
      fromMs: T0,
      toMs: T0 + 2399_000,
    });
    expect(s.result!.from).toBe(T0);
    expect(s.result!.to).toBe(T0 + 2399_000);
  });

  it('refuses a period too short for the model before any training, naming its time range', async () => {
    choose(0.5);
    await learnNormal(history(), client(), asset);
    const s = normalLearnStore.getState();
    expect(s.status).toBe('refused');
    expect(s.result).toBeNull();
    expect(s.refusals[0]).toMatchObject({ code: 'too-short', fromMs: T0, toMs: T0 + 29_000 });
  });

  it('refuses a period holding a fault and a limit alarm recorded in history, naming each and its time', async () => {
    choose(40);
    const alarm = (ts: number, from: string | null, to: string) =>
      toEventItem(asset, {
        ts,
        kind: 'alarm',
        payload: { alarmId: 't1:alarm-high', tagId: 't1', kind: 'alarm-high', priority: 'high', from, to },
      });
    const events = [
      // Injected before the period and cleared inside it: the first 10 minutes are not normal running.
      toEventItem(asset, {
        ts: T0 - 3_600_000,
        kind: 'fault-injection',
        payload: { instanceId: 'f1', faultId: 'stuck_valve', severity: 1, growthPerHour: 0 },
      }),
      toEventItem(asset, {
        ts: T0 + 600_000,
        kind: 'fault-clear',
        payload: { instanceId: 'f1', faultId: 'stuck_valve' },
      }),
      alarm(T0 + 1_200_000, null, 'unack'),
      alarm(T0 + 1_260_000, 'unack', 'ack'),
      alarm(T0 + 1_500_000, 'ack', 'normal'),
    ];
    await learnNormal(history(undefined, events), client(), asset);
    const s = normalLearnStore.getState();
    expect(s.status).toBe('refused');
    expect(s.result).toBeNull();
    expect(s.refusals).toMatchObject([
      { code: 'known-fault', fromMs: T0, toMs: T0 + 600_000, message: expect.stringMatching(/Stuck valve/) },
      { code: 'known-fault', tagId: 't1', fromMs: T0 + 1_200_000, toMs: T0 + 1_500_000 },
    ]);
    expect(knownFaultText(s.refusals[0]!.fault!, asset)).toMatch(/injected fault “Stuck valve”/);
    expect(knownFaultText(s.refusals[1]!.fault!, asset)).toMatch(/limit alarm: tag 1 high/);
  });

  it('trains on a period after a fault was cleared', async () => {
    playbackStore.setState({ range: { from: T0, to: T0 + 2999_000 } });
    normalLearnStore.setState({ choice: 'timeline-view', status: 'idle', result: null });
    playbackStore.setState({ view: { from: T0 + 600_000, to: T0 + 2999_000 } });
    const events = [
      toEventItem(asset, {
        ts: T0,
        kind: 'fault-injection',
        payload: { instanceId: 'f1', faultId: 'stuck_valve', severity: 1, growthPerHour: 0 },
      }),
      toEventItem(asset, {
        ts: T0 + 599_000,
        kind: 'fault-clear',
        payload: { instanceId: 'f1', faultId: 'stuck_valve' },
      }),
    ];
    await learnNormal(history(undefined, events), client(), asset);
    expect(normalLearnStore.getState()).toMatchObject({ status: 'done', refusals: [] });
  });

  it('Cancel while the period is read stops the job: no model, nothing to deploy', async () => {
    choose(40);
    let calls = 0;
    const run = learnNormal(
      history(() => {
        if (++calls === 1) void cancelLearnNormal(client());
      }),
      client(),
      asset,
    );
    await run;
    const s = normalLearnStore.getState();
    expect(s.status).toBe('cancelled');
    expect(s.result).toBeNull();
    expect(s.message).toMatch(/nothing was trained or deployed/);
  });
});
