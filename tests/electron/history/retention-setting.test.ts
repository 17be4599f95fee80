import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { historyRequestSchemas, type HistoryInfo } from '../../../core/api/domains/history';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDir } from './helpers';

const asset = pumpSkid();
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const data = tempDir('retention-setting');
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

describe('history retention setting', () => {
  it('folds raw samples older than the new period, and keeps the setting across restarts', async () => {
    const f = fakeContext(asset, data);
    // 60 samples three days ago, 60 samples now.
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0 - 3 * DAY, 60) });
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 60) });
    await vi.waitFor(async () => expect((await f.call<HistoryInfo>('historyInfo')).sampleCount).toBe(120), {
      timeout: 5000,
      interval: 20,
    });
    expect((await f.call<HistoryInfo>('historyInfo')).retentionDays).toBe(90);

    const r = await f.call<{ retentionDays: number; deletedRows: number }>('setRetention', { rawDays: 2 });
    expect(r).toEqual({ retentionDays: 2, deletedRows: 60 });
    const info = await f.call<HistoryInfo>('historyInfo');
    expect(info).toMatchObject({ retentionDays: 2, sampleCount: 60 });
    expect(JSON.parse(fs.readFileSync(path.join(data, 'history', 'settings.json'), 'utf8'))).toEqual({
      retentionDays: 2,
    });
    await f.dispose();

    const again = fakeContext(asset, data);
    expect((await again.call<HistoryInfo>('historyInfo')).retentionDays).toBe(2);
    await again.dispose();
  });

  it('rejects a period that is not a whole number of days from 1', () => {
    const schema = historyRequestSchemas.setRetention;
    expect(schema.safeParse({ rawDays: 0 }).success).toBe(false);
    const half = schema.safeParse({ rawDays: 1.5 });
    expect(half.success ? '' : half.error.issues[0]?.message).toBe('must be whole days');
    expect(schema.safeParse({ rawDays: 30 }).success).toBe(true);
  });
});
