import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCmapssShape, MAX_CMAPSS_ROWS, MAX_CMAPSS_UNITS } from '../../../core/fleet/import-session';
import { createFleetHandlers } from '../../../electron/services/handlers/fleet';
import { cleanUpFleetContexts, cmapssRow, fleetContext, uploadCmapss } from './fleet-context';

afterEach(cleanUpFleetContexts);

describe('C-MAPSS import limits', () => {
  it('refuses a file of 120,000 one-row engines at once, without building them', async () => {
    const text = Array.from({ length: 120_000 }, (_, i) => cmapssRow(i + 1, 1)).join('\n');
    const handlers = createFleetHandlers(fleetContext());
    const importId = await uploadCmapss(handlers, 'train_FD001.txt', text);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    await expect(Promise.resolve().then(() => handlers.importCmapssCommit({ importId }))).rejects.toThrow(
      'train_FD001.txt has more than 2,000 engines (first column)',
    );
    const ms = performance.now() - started;
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    console.log(`120,000 one-row engines refused in ${ms.toFixed(0)} ms, heap grew ${grownMb.toFixed(0)} MB`);
    expect(ms).toBeLessThan(2000);
    expect(grownMb).toBeLessThan(200);
  });

  it('counts rows and engines of a real-sized file and stops at the row limit', () => {
    const fd = Array.from({ length: 249 }, (_, u) =>
      Array.from({ length: 246 }, (_, c) => cmapssRow(u + 1, c + 1)).join('\n'),
    ).join('\n');
    expect(checkCmapssShape(`${fd}\n\n`, 'train_FD004.txt')).toEqual({ rows: 249 * 246, units: 249 });
    const long = Array.from(
      { length: MAX_CMAPSS_ROWS + 1 },
      (_, i) => `${(i % MAX_CMAPSS_UNITS) + 1} ${i}`,
    ).join('\n');
    expect(() => checkCmapssShape(long, 'train_FD002.txt')).toThrow(
      'train_FD002.txt has more than 500,000 rows',
    );
  });
});

describe('C-MAPSS import limits under a small heap', () => {
  it('refuses 120,000 one-row engines in a process limited to 512 MB of heap, without running out of memory', () => {
    const probe = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=512',
        'node_modules/vite-node/dist/cli.mjs',
        'tests/core/fleet/cmapss-heap-probe.ts',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(probe.status, probe.stderr).toBe(0);
    const outcome = JSON.parse(probe.stdout.trim().split('\n').pop() ?? '{}') as {
      refused: string | null;
      heapMb: number;
    };
    expect(outcome.refused).toContain('has more than 2,000 engines');
    expect(outcome.heapMb).toBeLessThan(512);
  }, 90_000);
});
