/**
 * Model packages of the app's models over the real inference engine in-process (as in
 * inference-engine.test.ts): card checks, shape checks naming the model and the mismatch, committed models.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FleetModelInfo } from '../../core/api/domains/fleet';
import { loadForecaster } from '../../renderer/src/models/forecaster';
import { BASELINE_FEATURES } from '../../core/ml/pump/baseline';
import { BALANCE_CHANNELS, PAST_CHANNELS, WINDOW_LENGTH } from '../../core/ml/pump/spec';
import { liveHealthInputs } from '../../renderer/src/models/health-inputs';
import { loadHealthModel } from '../../renderer/src/models/health-model';
import { ModelCardMissingError } from '../../renderer/src/models/model-package';
import { loadRulModel } from '../../renderer/src/models/rul-model';
import { pumpHealthStandIn, TINY } from './inference-fixture';
import { BASE, hostOver, tinyModelFolder, type Folder } from './model-host-fixture';

let tiny: Folder;

beforeAll(async () => {
  tiny = await tinyModelFolder();
});

afterEach(() => vi.unstubAllGlobals());
describe('health model', () => {
  let standIn: Folder;
  beforeAll(async () => {
    const s = await pumpHealthStandIn();
    standIn = {
      'health/model.json': s.modelJson,
      'health/weights.bin': s.weightsBin,
      'health/model-card.json': s.card,
    };
  });
  const folder = new URL(`${BASE}health/`);

  it('loads the card statistics and the model, warmed up', async () => {
    const { host, predictions } = hostOver(standIn);
    const model = await loadHealthModel(host, folder);
    expect(model.stats.tagIds.length).toBeGreaterThan(0);
    expect(model.inputCount).toBe(2);
    expect(model.baseline?.scale).toEqual(BALANCE_CHANNELS.map(() => 1));
    expect(liveHealthInputs()).toMatchObject({ inputCount: 2, baseline: model.baseline });
    expect(predictions).toHaveLength(1);
    expect(predictions[0]!.map((x) => x.shape)).toEqual([
      [1, WINDOW_LENGTH, PAST_CHANNELS],
      [1, BASELINE_FEATURES],
    ]);
    await model.dispose();
  });

  it('still loads a version from before the long baseline, which takes the window only', async () => {
    const older = 'tests/fixtures/models/pump-health-window-only/';
    const { host, predictions } = hostOver({
      'health/model.json': readFileSync(`${older}model.json`, 'utf8'),
      'health/weights.bin': readFileSync(`${older}weights.bin`),
      'health/model-card.json': readFileSync(`${older}model-card.json`, 'utf8'),
    });
    const model = await loadHealthModel(host, folder);
    expect(model.inputCount).toBe(1);
    expect(model.baseline).toBeUndefined();
    expect(predictions[0]!.map((x) => x.shape)).toEqual([[1, WINDOW_LENGTH, PAST_CHANNELS]]);
    await model.dispose();
  });

  it('refuses a model with a long-baseline input whose card has no baseline, naming the card', async () => {
    const card = JSON.parse(standIn['health/model-card.json'] as string) as Record<string, unknown>;
    delete card.baseline;
    const { host } = hostOver({ ...standIn, 'health/model-card.json': JSON.stringify(card) });
    await expect(loadHealthModel(host, folder)).rejects.toThrow(
      /^http:\/\/twin\.test\/models\/health\/model-card\.json: .*no baseline section; retrain the model \(npm run train\)$/,
    );
  });

  it('refuses a baseline scale that is not one positive number per balance, naming the card', async () => {
    const card = JSON.parse(standIn['health/model-card.json'] as string) as { baseline: { scale: number[] } };
    card.baseline.scale[3] = 0;
    const { host } = hostOver({ ...standIn, 'health/model-card.json': JSON.stringify(card) });
    await expect(loadHealthModel(host, folder)).rejects.toThrow(
      /health\/model-card\.json: baseline\.scale must be 10 positive numbers/,
    );
  });

  it('rejects a missing card as a ModelCardMissingError with its HTTP status', async () => {
    const noCard = { ...standIn };
    delete noCard['health/model-card.json'];
    const { host } = hostOver(noCard);
    const error = await loadHealthModel(host, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCardMissingError);
    expect(error).toMatchObject({
      status: 404,
      message: 'http://twin.test/models/health/model-card.json: missing (HTTP 404)',
    });
  });

  it('rejects a card without normalization statistics, naming the card', async () => {
    const { host } = hostOver({ ...standIn, 'health/model-card.json': '{"createdAt": "x"}' });
    await expect(loadHealthModel(host, folder)).rejects.toThrow(
      /health\/model-card\.json: normalization statistics are missing or invalid/,
    );
  });

  it('rejects statistics that miss a channel the pipeline builds', async () => {
    const card = JSON.parse(standIn['health/model-card.json'] as string) as {
      normalization: { tagIds: string[]; mean: number[]; std: number[]; count: number[] };
    };
    const n = card.normalization;
    for (const list of [n.tagIds, n.mean, n.std, n.count]) list.pop();
    const { host } = hostOver({ ...standIn, 'health/model-card.json': JSON.stringify(card) });
    await expect(loadHealthModel(host, folder)).rejects.toThrow(
      /health\/model-card\.json: .*; retrain the model \(npm run train\)/,
    );
  });

  it('rejects a model of other shapes, naming it and the mismatch', async () => {
    const { host } = hostOver({
      ...standIn,
      'health/model.json': tiny['tiny/model.json']!,
      'health/weights.bin': tiny['tiny/weights.bin']!,
    });
    await expect(loadHealthModel(host, folder)).rejects.toThrow(
      'http://twin.test/models/health/model.json: the pump-skid health model does not fit the app: input 0 is [batch, 16, 8], the app uses [batch, 48, 128]; retrain the model (npm run train)',
    );
  });
});

describe('forecaster and RUL model cards', () => {
  it('rejects a forecaster card that fails core/ml/pump/card, naming the card', async () => {
    const { host } = hostOver({ 'forecaster/model-card.json': '{"model": "forecaster"}' });
    await expect(loadForecaster(host, new URL(BASE), 'forecaster/')).rejects.toThrow(
      /^http:\/\/twin\.test\/models\/forecaster\/model-card\.json: schemaVersion is missing/,
    );
  });

  it('loads the committed forecaster against the shapes core/ml/pump builds', async () => {
    const dir = 'models/pump-skid/forecaster/';
    const { host, predictions } = hostOver({
      'forecaster/model-card.json': readFileSync(`${dir}model-card.json`, 'utf8'),
      'forecaster/model.json': readFileSync(`${dir}model.json`, 'utf8'),
      'forecaster/weights.bin': readFileSync(`${dir}weights.bin`),
    });
    const model = await loadForecaster(host, new URL(BASE), 'forecaster/');
    expect(Object.keys(model.mae).length).toBeGreaterThan(0);
    expect(predictions).toHaveLength(1);
    await model.dispose();
  });

  const info: FleetModelInfo = {
    modelJson: 'FD001/model.json',
    windowLength: TINY.steps,
    features: TINY.channels,
    featureNames: [],
    sensors: [],
    rulCap: 125,
    maskChannel: null,
    test: null,
  };

  it('rejects a RUL card that fails core/ml/io/model-card, naming the card', async () => {
    const { host } = hostOver({ 'FD001/model-card.json': '{"asset": "turbofan"}' });
    await expect(loadRulModel(host, 'turbofan/FD001', new URL(BASE), info)).rejects.toThrow(
      /^http:\/\/twin\.test\/models\/FD001\/model-card\.json: schemaVersion: /,
    );
  });

  const fd001Card = readFileSync('models/turbofan/FD001/model-card.json', 'utf8');
  const fd001 = { ...info, windowLength: 90, features: 16 };

  it('rejects a RUL card that describes other windows than the fleet was built for', async () => {
    const { host } = hostOver({ 'FD001/model-card.json': fd001Card });
    await expect(loadRulModel(host, 'turbofan/FD001', new URL(BASE), info)).rejects.toThrow(
      "http://twin.test/models/FD001/model-card.json: the card describes 90×16 windows, the fleet's features are 16×8",
    );
  });

  it('rejects a RUL model whose shapes differ from its card, naming the model', async () => {
    const { host } = hostOver({
      'FD001/model-card.json': fd001Card,
      'FD001/model.json': tiny['tiny/model.json']!,
      'FD001/weights.bin': tiny['tiny/weights.bin']!,
    });
    await expect(loadRulModel(host, 'turbofan/FD001', new URL(BASE), fd001)).rejects.toThrow(
      'the turbofan FD001 RUL model does not fit the app: input 0 is [batch, 16, 8], the app uses [batch, 90, 16]',
    );
  });

  it('loads the committed FD001 model against its card', async () => {
    const { host, predictions } = hostOver({
      'FD001/model-card.json': fd001Card,
      'FD001/model.json': readFileSync('models/turbofan/FD001/model.json', 'utf8'),
      'FD001/weights.bin': readFileSync('models/turbofan/FD001/weights.bin'),
    });
    const model = await loadRulModel(host, 'turbofan/FD001', new URL(BASE), fd001);
    expect(model.card.subset).toBe('FD001');
    expect(predictions).toHaveLength(1);
    await model.dispose();
  });
});
