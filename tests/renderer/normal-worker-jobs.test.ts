// What the inference worker does for normal-behaviour models, run here in Node: training in steps with
// progress and Cancel, the held-out false-alarm check, and causal scoring (live and for a moment of history).
import { describe, expect, it } from 'vitest';
import { CausalScorer, parseNormalModelCard, trainNormalModel } from '../../core/ml/normal';
import { NormalScorers } from '../../renderer/src/inference/normal-scoring';
import { NormalTrainingJobs } from '../../renderer/src/inference/normal-training';
import type { NormalTrainProgress, NormalTrainRequest } from '../../renderer/src/inference/normal-api';
import { frameOf, normalRows, syntheticTags } from '../core/ml/normal/synthetic';

const tags = syntheticTags(3);
const request = (rows: number, jobId = 'job-1'): NormalTrainRequest => ({
  jobId,
  frame: frameOf(normalRows(rows, 3, 11), tags),
  tags,
  options: { sampleRateHz: 1, falseAlarmsPerDay: 1 },
  meta: { asset: 'test-rig', trainedOn: 'synthetic', createdAt: '2026-01-01T00:00:00Z' },
});

describe('learning normal behaviour in the worker', () => {
  it('trains with determinate progress, the card recording the held-out false alarms', async () => {
    const progress: NormalTrainProgress[] = [];
    const outcome = await new NormalTrainingJobs().train(request(6000), (p) => progress.push(p));
    expect(outcome.cancelled).toBe(false);
    const card = parseNormalModelCard(outcome.card);
    expect(card.training.rows).toBe(6000);
    expect(card.training.heldOutRows).toBe(1500);
    expect(card.training.heldOutAlarms!.alarmsPerDay).toBeLessThan(60);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let k = 1; k < fractions.length; k++)
      expect(fractions[k]!).toBeGreaterThanOrEqual(fractions[k - 1]!);
    expect(progress.map((p) => p.step)).toContain('fitted the final model');
  });

  it('returns no model when cancelled while it trains', async () => {
    const jobs = new NormalTrainingJobs();
    const outcome = await jobs.train(request(20_000), (p) => {
      if (p.fraction > 0) jobs.cancel('job-1');
    });
    expect(outcome).toMatchObject({ cancelled: true, card: null });
    expect(jobs.cancel('job-1')).toBe(false);
  });

  it('stops within 100 ms of Cancel in the middle of a long fit (a day at 1 Hz), returning no model', async () => {
    const dayTags = syntheticTags(8);
    const jobs = new NormalTrainingJobs();
    const steps: string[] = [];
    let stepsAtCancel: string[] = [];
    let cancelledAt = Number.NaN;
    let accepted: boolean | undefined;
    const job = jobs.train(
      {
        ...request(0, 'day'),
        tags: dayTags,
        frame: frameOf(normalRows(86_400, 8, 5, [0.9, 0.5, 0, 0.99, 0, 0, 0.8, 0]), dayTags),
      },
      (p) => {
        steps.push(p.step);
        // Cancel once the fit is well under way (a wall-clock wait raced the whole fit on a loaded machine).
        if (p.step !== 'fitted the calibration model') return;
        stepsAtCancel = [...steps];
        cancelledAt = performance.now();
        accepted = jobs.cancel('day');
      },
    );
    const outcome = await job;
    expect(stepsAtCancel).toContain('cleaned');
    expect(stepsAtCancel).not.toContain('counted false alarms on the held-out rows');
    expect(accepted).toBe(true);
    const latency = performance.now() - cancelledAt;
    expect(outcome).toMatchObject({ cancelled: true, card: null });
    expect(latency).toBeLessThan(100);
    expect(steps).not.toContain('counted false alarms on the held-out rows');
  });

  it('trains in slices to the same model as the one-go training of scripts and the backend', async () => {
    const req = request(3000);
    const outcome = await new NormalTrainingJobs().train(req, () => undefined);
    const direct = trainNormalModel(req.frame, req.tags, req.options);
    expect(parseNormalModelCard(outcome.card).model).toEqual(direct.model);
  });

  it('fails with the model’s reason on a period too short, and runs one job per id at a time', async () => {
    const jobs = new NormalTrainingJobs();
    await expect(jobs.train(request(30), () => undefined)).rejects.toThrow(/too few/);
    const first = jobs.train(request(6000, 'same'), () => undefined);
    await expect(jobs.train(request(6000, 'same'), () => undefined)).rejects.toThrow(/already running/);
    await first;
  });
});

describe('scoring with a deployed normal-behaviour model in the worker', () => {
  it('pushes live rows through one causal scorer, as CausalScorer would, and scores history afresh', async () => {
    const { card } = await new NormalTrainingJobs().train(request(2000), () => undefined);
    const scorers = new NormalScorers();
    expect(scorers.load('normal', card)).toEqual(['t0', 't1', 't2']);
    const rows = normalRows(60, 3, 99);
    rows[59] = [50, 10, 20]; // t0 far off its normal level of 0
    const reference = new CausalScorer(parseNormalModelCard(card).model);
    let expected = reference.push(rows[0]!);
    for (const r of rows.slice(1)) expected = reference.push(r);
    const first = scorers.push('normal', Float64Array.from(rows.slice(0, 30).flat()));
    expect(first).not.toBeNull();
    const live = scorers.push('normal', Float64Array.from(rows.slice(30).flat()));
    expect(live!.score).toBeCloseTo(expected.score, 12);
    expect(live!.contributions).toEqual(Array.from(expected.contributions));
    // A fresh scorer over the last 30 rows leaves the live one where it was.
    const fresh = scorers.scoreFresh('normal', Float64Array.from(rows.slice(30).flat()));
    expect(fresh!.contributions[0]).toBeGreaterThan(0);
    const next = scorers.push('normal', Float64Array.from(rows[59]!));
    expect(reference.push(rows[59]!).score).toBeCloseTo(next!.score, 12);
  });

  it('refuses rows that do not fit the model’s tags and a model that is not loaded', async () => {
    const { card } = await new NormalTrainingJobs().train(request(2000), () => undefined);
    const scorers = new NormalScorers();
    scorers.load('loaded', card);
    expect(() => scorers.push('loaded', new Float64Array(4))).toThrow(
      /4 values is not a whole number of 3-tag rows/,
    );
    expect(() => scorers.push('normal', new Float64Array(3))).toThrow(/"normal" is not loaded/);
    expect(() => scorers.load('normal', { kind: 'nonsense' })).toThrow();
  });
});
