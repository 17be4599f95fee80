/** The Models dialog's own words in the active language: version names and the time left of a retraining. */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/src/i18n/i18n';
import { duration, fixed, progressLine } from '../../renderer/src/features/model-versions/models-format';
import { versionName } from '../../renderer/src/features/model-versions/version-name';

// Local time, as the registry's English label is written.
const createdAt = new Date(2026, 10, 28, 23, 10).toISOString();

describe('Models dialog texts', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('name versions and durations in English by default', () => {
    expect(versionName({ kind: 'shipped', createdAt, label: 'v1 (shipped)' })).toBe('v1 (shipped)');
    expect(versionName({ kind: 'retrained', createdAt, label: 'retrained 2026-11-28 23:10' })).toBe(
      'retrained 2026-11-28 23:10',
    );
    expect(duration(80)).toBe('1 min 20 s');
    expect(duration(7500)).toBe('2 h 05 min');
  });

  it('name them in Chinese once the language is zh-CN, whatever the stored label says', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(versionName({ kind: 'shipped', createdAt, label: 'v1 (shipped)' })).toBe('第 1 版（出厂）');
    expect(versionName({ kind: 'retrained', createdAt, label: 'retrained 2026-11-28 23:10' })).toBe(
      '重新训练于 2026-11-28 23:10',
    );
    expect(duration(45)).toBe('45 秒');
    expect(
      progressLine({
        phase: 'training',
        epoch: 2,
        epochs: 3,
        batch: 5,
        batches: 9,
        loss: 0.1234,
        etaS: 80,
        elapsedMs: 1000,
        fraction: 0.5,
      }),
    ).toBe('第 2/3 轮 · 批次 5/9 · 损失 0.123 · 剩余 1 分 20 秒');
    expect(fixed(Number.NaN, 3)).toBe('—');
  });
});
