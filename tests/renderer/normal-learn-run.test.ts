// "Learn normal" as the dialog runs it, against a history grid built from real rows and the worker's training
// code: a period read and trained gives a report and nothing is stored until Deploy; Cancel or a refused
// period leaves no model behind.
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryGrid, HistoryGridRequest } from '../../core/api/domains/history';
import type { AssetDefinition } from '../../core/asset/schema';
import type { InferenceClient } from '../../renderer/src/inference/inference-api';
import { NormalTrainingJobs } from '../../renderer/src/inference/normal-training';
import { cancelLearnNormal, learnNormal } from '../../renderer/src/features/model-versions/normal-learn-run';
import { normalLearnStore } from '../../renderer/src/features/model-versions/normal-learn-store';
import { playbackStore } from '../../renderer/src/state/playback-store';
import { normalRows, syntheticTags } from '../core/ml/normal/synthetic';

const tags = syntheticTags(3);
const asset = { id: 'test-rig', name: 'Test rig', tags, components: [] } as unknown as AssetDefinition;
const T0 = Date.UTC(2026, 0, 1);
const rows = normalRows(3000, 3, 17);

/** The store's grid over `rows` stored at T0 + i s. */
function history(onCall: () => void = () => undefined) {
  return {
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

afterEach(() => playbackStore.setState({ range: null }));

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
