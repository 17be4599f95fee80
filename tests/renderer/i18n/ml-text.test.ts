// The ML worker's fall-back notice and a learnt normal-behaviour version's "trained on" are said in the active
// language, from the facts the worker and the card record; in English as they were written before.
import { afterEach, describe, expect, it } from 'vitest';
import type { NormalModelCard } from '../../../core/ml/normal/card';
import { backendMovedText } from '../../../renderer/src/inference/backend-moved-text';
import { trainedOnText } from '../../../renderer/src/features/model-versions/normal-trained-on';
import { i18n } from '../../../renderer/src/i18n/i18n';

const moved = { from: 'webgpu', to: 'webgl', reason: 'GPU device lost: destroyed' };
const fromMs = Date.UTC(2026, 11, 7, 10);
const toMs = Date.UTC(2026, 11, 7, 11);
const card = (source: string, trainedOn = 'pump.csv, rows 1–3600') =>
  ({
    asset: 'pump-skid',
    trainedOn,
    training: { rows: 3600, data: { source, fromMs, toMs } },
  }) as unknown as NormalModelCard;

describe('ML texts in the active language', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('say the backend fall-back in English as the worker wrote it, and in Chinese', async () => {
    expect(backendMovedText({ ...moved, broken: [] })).toBe(
      'ML moved from webgpu to webgl (GPU device lost: destroyed); models reloaded.',
    );
    expect(backendMovedText({ ...moved, broken: ['health: out of memory', 'forecast: bad shape'] })).toBe(
      'ML moved from webgpu to webgl (GPU device lost: destroyed); models reloaded, except health: out of memory; forecast: bad shape.',
    );
    await i18n.changeLanguage('zh-CN');
    expect(backendMovedText({ ...moved, broken: [] })).toBe(
      'ML 已从 webgpu 切换到 webgl（GPU device lost: destroyed）；模型已重新加载。',
    );
    expect(backendMovedText({ ...moved, broken: ['health: out of memory'] })).toBe(
      'ML 已从 webgpu 切换到 webgl（GPU device lost: destroyed）；模型已重新加载，但以下模型除外：health: out of memory。',
    );
  });

  it('say what a version learnt in the app was trained on, with the asset name of the language', async () => {
    const learnt = card('history of pump-skid');
    expect(trainedOnText(learnt, 'Pump skid P-101')).toBe(
      'Pump skid P-101: history 2026-12-07T10:00:00.000Z – 2026-12-07T11:00:00.000Z, 3600 rows',
    );
    await i18n.changeLanguage('zh-CN');
    expect(trainedOnText(learnt, '离心泵撬 P-101')).toBe(
      '离心泵撬 P-101：历史数据 2026-12-07T10:00:00.000Z – 2026-12-07T11:00:00.000Z，共 3600 行',
    );
  });

  it('keep the words of a card the CLI wrote', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(trainedOnText(card('/data/pump.csv'), '离心泵撬 P-101')).toBe('pump.csv, rows 1–3600');
  });
});
