import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryInfo } from '../../../core/api/domains/history';
import { historyRunsRequestSchemas, type HistoryRuns } from '../../../core/api/domains/history-runs';
import type { SandboxRun, TwinEvent } from '../../../core/api/types';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const dir = tempDirsRemovedAfterAll();
const drill: SandboxRun = {
  id: '2026-05-04T10-00-00-000Z-drill',
  kind: 'scenario',
  title: 'Cavitation drill',
};

const views = (emitted: TwinEvent[]) => emitted.flatMap((e) => (e.type === 'history-view' ? [e.runId] : []));

async function waitForSamples(f: ReturnType<typeof fakeContext>, count: number): Promise<HistoryInfo> {
  let info: HistoryInfo | null = null;
  await vi.waitFor(
    async () => {
      info = await f.call<HistoryInfo>('historyInfo');
      expect(info.sampleCount, `${info.path} ${new Error().stack?.split('\n')[3]}`).toBe(count);
    },
    { timeout: 5000, interval: 20 },
  );
  return info as unknown as HistoryInfo;
}

describe('history of sandbox runs', () => {
  it('records a run in its own store, shows it while it plays and goes back to the plant after', async () => {
    const data = dir('run');
    const f = fakeContext(asset, data);
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0 + 3_600_000, 120) });
    await waitForSamples(f, 120);

    f.sim.run = drill;
    f.ctx.emit({ type: 'sim', status: f.status() });
    f.ctx.emit({ type: 'telemetry', batch: { ...makeBatch(asset, T0, 60), runId: drill.id } });
    const shown = await waitForSamples(f, 60);
    expect(shown.path).toBe(path.join(data, 'history', 'runs', asset.id, `${drill.id}.duckdb`));
    const playing = await f.call<HistoryRuns>('historyRuns');
    expect(playing).toMatchObject({ viewing: drill.id, recording: drill.id });
    expect(playing.runs).toEqual([
      expect.objectContaining({ id: drill.id, title: 'Cavitation drill', recording: true, samples: 60 }),
    ]);
    await expect(f.call('historyDeleteRun', { runId: drill.id })).rejects.toThrow(/is playing/);

    f.sim.run = null;
    f.ctx.emit({ type: 'sim', status: f.status() });
    const plant = await waitForSamples(f, 120);
    expect(plant).toMatchObject({ from: T0 + 3_600_000, to: T0 + 3_719_000 });
    expect(views(f.emitted)).toEqual([drill.id, null]);
    await vi.waitFor(async () =>
      expect((await f.call<HistoryRuns>('historyRuns')).runs[0]).toMatchObject({
        recording: false,
        from: T0,
        to: T0 + 59_000,
        samples: 60,
      }),
    );

    // A stored run can be shown again, then deleted.
    await f.call('historyView', { runId: drill.id });
    await waitForSamples(f, 60);
    const left = await f.call<HistoryRuns>('historyDeleteRun', { runId: drill.id });
    expect(left).toMatchObject({ viewing: null, runs: [] });
    expect(fs.readdirSync(path.join(data, 'history', 'runs', asset.id))).toEqual([]);
    await waitForSamples(f, 120);
    await f.dispose();
  });

  it('deletes runs older than the retention setting, which is kept across restarts', async () => {
    const data = dir('run-retention');
    const f = fakeContext(asset, data);
    f.sim.run = drill;
    f.ctx.emit({ type: 'telemetry', batch: { ...makeBatch(asset, T0, 10), runId: drill.id } });
    await waitForSamples(f, 10);
    f.sim.run = null;
    f.ctx.emit({ type: 'sim', status: f.status() });
    const manifest = path.join(data, 'history', 'runs', asset.id, `${drill.id}.json`);
    await vi.waitFor(() =>
      expect(JSON.parse(fs.readFileSync(manifest, 'utf8'))).toMatchObject({ samples: 10 }),
    );
    const old = { ...JSON.parse(fs.readFileSync(manifest, 'utf8')), createdAt: Date.now() - 3 * 86_400_000 };
    fs.writeFileSync(manifest, JSON.stringify(old));
    expect((await f.call<HistoryRuns>('setRunRetention', { days: 5 })).runs).toHaveLength(1);
    const after = await f.call<HistoryRuns>('setRunRetention', { days: 2 });
    expect(after).toMatchObject({ retentionDays: 2, runs: [] });
    await f.dispose();
    const again = fakeContext(asset, data);
    expect((await again.call<HistoryRuns>('historyRuns')).retentionDays).toBe(2);
    await again.dispose();
    expect(historyRunsRequestSchemas.setRunRetention.safeParse({ days: 0 }).success).toBe(false);
  });

  it('opens an archive an older version set aside as a run of its own', async () => {
    const data = dir('archive');
    const f = fakeContext(asset, data);
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 90) });
    await waitForSamples(f, 90);
    const file = `${asset.id}.replaced-2026-05-04T10-11-12-345Z.parquet`;
    await f.call('exportHistory', {
      path: path.join(data, 'history', file),
      from: T0 + 30_000,
      to: T0 + 90_000,
      format: 'parquet',
      includeQuality: true,
    });
    const listed = await f.call<HistoryRuns>('historyRuns');
    expect(listed.archives).toEqual([expect.objectContaining({ file, openedAs: null })]);

    const opened = await f.call<HistoryRuns>('historyOpenArchive', { file });
    expect(opened.runs).toEqual([
      expect.objectContaining({ kind: 'archive', title: 'History set aside on 2026-05-04 10:11:12 UTC' }),
    ]);
    expect(opened.viewing).toBe(opened.runs[0]?.id);
    expect(opened.archives[0]?.openedAs).toBe(opened.runs[0]?.id);
    expect(await waitForSamples(f, 60)).toMatchObject({ from: T0 + 30_000, to: T0 + 89_000 });
    // Opening it again shows the same run, without a second import.
    expect((await f.call<HistoryRuns>('historyOpenArchive', { file })).runs).toHaveLength(1);
    expect(historyRunsRequestSchemas.historyOpenArchive.safeParse({ file: '../x.parquet' }).success).toBe(
      false,
    );
    await f.dispose();
  });
});
