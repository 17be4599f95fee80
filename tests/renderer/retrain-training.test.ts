/**
 * Fine-tuning inside the inference worker's engine (wasm backend here, as the app's fallback): a copy trains with the health
 * loss while the deployed model stays as it was, progress arrives per batch, a cancel stops before the
 * next batch, and held-out figures come back for either model.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_FEATURES } from '../../core/ml/pump/baseline';
import { buildHealthModel } from '../../core/ml/pump/health-model';
import { ANOMALY_COMPONENTS, FAULT_CLASSES, PAST_CHANNELS, WINDOW_LENGTH } from '../../core/ml/pump/spec';
import type { FineTuneData, FineTuneProgress } from '../../core/ml/retrain/fine-tune';
import { InferenceEngine } from '../../renderer/src/inference/engine';
import type { TensorData } from '../../renderer/src/inference/inference-api';
import type { WorkerEvent } from '../../renderer/src/inference/protocol';
import { TrainingJobs } from '../../renderer/src/inference/training';
import { initTfNode } from '../../scripts/lib/tf-node';

const N = 48;
const per = WINDOW_LENGTH * PAST_CHANNELS;
const K = ANOMALY_COMPONENTS.length;

/**
 * Windows whose first channel carries the fault: class 1 (its component's anomaly) where it is high; their
 * long baselines are noise.
 */
function data(): FineTuneData {
  let s = 99;
  const rand = () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const d: FineTuneData = {
    count: N,
    past: new Float32Array(N * per),
    baseline: new Float32Array(N * BASELINE_FEATURES),
    anomaly: new Float32Array(N * K),
    faultClass: new Int32Array(N),
    logRul: new Float32Array(N).fill(Number.NaN),
  };
  for (let i = 0; i < N; i++) {
    const fault = i % 2;
    for (let k = 0; k < per; k++)
      d.past[i * per + k] = rand() - 0.5 + (k % PAST_CHANNELS === 0 ? 2 * fault : 0);
    for (let k = 0; k < BASELINE_FEATURES; k++) d.baseline![i * BASELINE_FEATURES + k] = rand() - 0.5;
    d.faultClass[i] = fault;
    if (fault)
      d.anomaly[i * K + ANOMALY_COMPONENTS.findIndex((c) => c.faults.includes(FAULT_CLASSES[1]!))] = 1;
  }
  return d;
}

/** The committed stand-in of a health model from before the long baseline: the window is its only input. */
const OLDER_MODEL = pathToFileURL('tests/fixtures/models/pump-health-window-only/model.json').href;
const readFixture = async (url: string): Promise<ArrayBuffer> => {
  const bytes = readFileSync(fileURLToPath(url));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

function setup() {
  const engine = new InferenceEngine(readFixture);
  engine.adopt('live', buildHealthModel(), null);
  const events: WorkerEvent[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  return { engine, events, jobs: new TrainingJobs(engine, serial, (e) => events.push(e)) };
}

/** The windows and their long baselines, as the health model takes them. */
const inputs = (): TensorData[] => {
  const d = data();
  return [
    { data: d.past, shape: [N, WINDOW_LENGTH, PAST_CHANNELS] },
    { data: d.baseline!, shape: [N, BASELINE_FEATURES] },
  ];
};

let backend = '';
beforeAll(async () => {
  backend = await initTfNode('wasm');
});

/** Held-out figures of `modelId` on the fixture windows, with their own fault labels as the truth. */
function evaluate(jobs: ReturnType<typeof setup>['jobs'], id: number, modelId: string) {
  return jobs.evaluate({
    id,
    type: 'evaluate',
    modelId,
    inputs: inputs(),
    truth: { count: N, faultClass: data().faultClass, stretch: new Int32Array(N), stride: 1 },
    rule: { score: 'max-component', threshold: 0.5, debounce: 2 },
  });
}

describe('fine-tuning in the inference engine', { timeout: 120_000 }, () => {
  it('trains a copy with progress per batch and leaves the deployed model as it was', async () => {
    const { engine, events, jobs } = setup();
    const before = (await engine.predict('live', inputs()))[0]!.data;
    const result = await jobs.fineTune({
      id: 1,
      type: 'fine-tune',
      jobId: 'j1',
      baseModelId: 'live',
      candidateId: 'candidate',
      data: data(),
      options: { epochs: 3, batchSize: 16, learningRate: 3e-3, seed: 1 },
    });
    expect(result).toMatchObject({ cancelled: false, epochsRun: 3, windows: N, backend });
    expect(result.epochLoss[2]!).toBeLessThan(result.epochLoss[0]!);
    const progress = events.flatMap((e) => (e.type === 'train-progress' ? [e.progress] : []));
    expect(progress.map((p: FineTuneProgress) => `${p.epoch}.${p.batch}/${p.batches}`)).toEqual(
      ['1', '2', '3'].flatMap((e) => [`${e}.1/3`, `${e}.2/3`, `${e}.3/3`]),
    );
    const after = (await engine.predict('live', inputs()))[0]!.data;
    expect([...after]).toEqual([...before]);
    const tuned = (await engine.predict('candidate', inputs()))[0]!.data;
    expect([...tuned]).not.toEqual([...before]);

    const live = await evaluate(jobs, 2, 'live');
    const cand = await evaluate(jobs, 3, 'candidate');
    expect(live.windows).toBe(N);
    expect(cand.rocAuc).toBeGreaterThan(live.rocAuc);
  });

  it('stops at the next batch when cancelled and loads no candidate', async () => {
    const { engine, events, jobs } = setup();
    const before = (await engine.predict('live', inputs()))[0]!.data;
    const run = jobs.fineTune({
      id: 1,
      type: 'fine-tune',
      jobId: 'j2',
      baseModelId: 'live',
      candidateId: 'candidate',
      data: data(),
      options: { epochs: 5, batchSize: 8, learningRate: 3e-3, seed: 1 },
    });
    while (!events.some((e) => e.type === 'train-progress')) await new Promise((r) => setTimeout(r, 5));
    expect(jobs.cancel('j2')).toBe(true);
    const result = await run;
    expect(result.cancelled).toBe(true);
    expect(events.length).toBeLessThan(3);
    await expect(engine.predict('candidate', inputs())).rejects.toThrow(/not loaded/);
    expect([...(await engine.predict('live', inputs()))[0]!.data]).toEqual([...before]);
    expect(jobs.cancel('j2')).toBe(false);
  });

  it('refuses training in place of the deployed model and bad window data', async () => {
    const { jobs } = setup();
    const req = {
      id: 1,
      type: 'fine-tune' as const,
      jobId: 'j3',
      baseModelId: 'live',
      candidateId: 'live',
      data: data(),
      options: { epochs: 1, batchSize: 8, learningRate: 1e-3, seed: 1 },
    };
    await expect(jobs.fineTune(req)).rejects.toThrow(/must not replace the deployed model/);
    const bad = { ...req, candidateId: 'c', data: { ...data(), faultClass: new Int32Array(3) } };
    await expect(jobs.fineTune(bad)).rejects.toThrow(/faultClass has 3 values, 48 expected/);
    const shortBaseline = { ...req, candidateId: 'c', data: { ...data(), baseline: new Float32Array(5) } };
    await expect(jobs.fineTune(shortBaseline)).rejects.toThrow(
      `fine-tune data: baseline has 5 values, ${N * BASELINE_FEATURES} expected for ${N} windows`,
    );
    const noBaseline = { ...req, candidateId: 'c', data: { ...data(), baseline: undefined } };
    await expect(jobs.fineTune(noBaseline)).rejects.toThrow(/the data has no baseline/);
  });

  it('tunes and scores an older version that takes the window only, leaving the baselines aside', async () => {
    const { engine, jobs } = setup();
    await engine.load('older', OLDER_MODEL);
    expect(engine.inputCount('older')).toBe(1);
    const result = await jobs.fineTune({
      id: 1,
      type: 'fine-tune',
      jobId: 'j4',
      baseModelId: 'older',
      candidateId: 'older#candidate',
      data: data(),
      options: { epochs: 1, batchSize: 16, learningRate: 3e-3, seed: 1 },
    });
    expect(result).toMatchObject({ cancelled: false, epochsRun: 1, windows: N });
    const scored = await evaluate(jobs, 2, 'older#candidate');
    expect(scored.windows).toBe(N);
  });
});
