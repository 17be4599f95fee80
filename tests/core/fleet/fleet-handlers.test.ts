import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetApi } from '../../../core/api/domains/fleet';
import { fleetRequestSchemas } from '../../../core/api/domains/fleet';
import { createFleetHandlers } from '../../../electron/services/handlers/fleet';
import { CMAPSS_DIR } from '../../cmapss-dir';
import { cleanUpFleetContexts, disposeFleetStores, fleetContext } from './fleet-context';

const DIR = CMAPSS_DIR;
const HAVE_DATA = existsSync(join(DIR, 'test_FD001.txt'));

afterEach(cleanUpFleetContexts);

/** The fleet handlers over a fresh data folder, or over `dataDir` to see what an earlier run stored. */
function handlers(dataDir?: string) {
  const ctx = fleetContext(dataDir);
  const h = createFleetHandlers(ctx) as unknown as {
    [K in keyof FleetApi]: (req: unknown) => ReturnType<FleetApi[K]> | Awaited<ReturnType<FleetApi[K]>>;
  };
  return Object.assign(h, { dataDir: ctx.dataDir });
}

const row = (unit: number, cycle: number) =>
  `${unit} ${cycle} 0.0001 0.0002 100.0 ${Array.from({ length: 21 }, (_, k) => (500 + k + cycle * 0.01).toFixed(2)).join(' ')}  `;

describe('fleet handlers', () => {
  it('refuses a file with bad lines, naming every line, and keeps no fleet', async () => {
    const h = handlers();
    const text = [row(1, 1), row(1, 2), '1 3 0 0 100 oops', row(1, 2), row(2, 1)].join('\n');
    const r = await h.importCmapss({ fileName: 'test_FD001.txt', text });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errorCount).toBe(2);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(r.errors[1]!.message).toBe('cycle 2 of unit 1 does not follow cycle 2');
    expect(await h.fleetSummary({})).toBeNull();
  });

  it('asks for NASA file names when it cannot tell the data set', async () => {
    const h = handlers();
    expect(() => h.importCmapss({ fileName: 'engines.txt', text: row(1, 1) })).toThrow(
      'cannot tell which C-MAPSS data set "engines.txt" is',
    );
    // An explicit subset overrides the name.
    const r = await h.importCmapss({
      fileName: 'engines.txt',
      text: [row(1, 1), row(1, 2)].join('\n'),
      subset: 'FD003',
    });
    expect(r.ok && r.fleet.subset).toBe('FD003');
  });

  it('validates requests: unknown subsets and oversized files are rejected', () => {
    expect(fleetRequestSchemas.fleetTracks.safeParse({ subset: 'FD005' }).success).toBe(false);
    const big = fleetRequestSchemas.importCmapss.safeParse({ fileName: 'x', text: 'x'.repeat(8_000_001) });
    expect(big.success).toBe(false);
    expect(big.error?.issues[0]?.message).toBe('file is larger than 8 MB');
  });

  it.skipIf(!HAVE_DATA)('imports test_FD001.txt and serves its engines', async () => {
    const h = handlers();
    const r = await h.importCmapss({
      fileName: 'test_FD001.txt',
      text: readFileSync(join(DIR, 'test_FD001.txt'), 'utf8'),
    });
    if (!r.ok) throw new Error('import failed');
    expect(r.fleet.units).toHaveLength(100);
    expect(r.fleet.asset.id).toBe('turbofan');
    if (existsSync('models/turbofan/FD001/model.json'))
      expect(r.fleet.model?.modelJson).toBe('turbofan/FD001/model.json');
    else expect(r.fleet.modelProblem).toMatch(/^no model for FD001/);
    expect((await h.fleetSummary({}))?.fileName).toBe('test_FD001.txt');
    expect((await h.fleetTracks({ subset: 'FD001' })).units).toHaveLength(100);
    expect((await h.fleetUnit({ subset: 'FD001', unit: 7 })).unit).toBe(7);
    await expect(h.fleetTracks({ subset: 'FD002' })).rejects.toThrow('no FD002 fleet imported yet');
  });

  it('keeps imported fleets in fleets.duckdb: a restart shows the latest import again, unchanged', async () => {
    const h = handlers();
    const text = (units: number, cycles: number) =>
      Array.from({ length: units * cycles }, (_, i) =>
        row(1 + Math.floor(i / cycles), 1 + (i % cycles)),
      ).join('\n');
    const first = await h.importCmapss({ fileName: 'test_FD003.txt', text: text(3, 40) });
    const second = await h.importCmapss({ fileName: 'test_FD001.txt', text: text(2, 35) });
    if (!first.ok || !second.ok) throw new Error('import failed');
    expect(second.fleet.stored?.file).toBe(join(h.dataDir, 'history', 'fleets.duckdb'));
    const tracks = await h.fleetTracks({ subset: 'FD001' });
    const unit = await h.fleetUnit({ subset: 'FD003', unit: 2 });
    await disposeFleetStores();

    const again = handlers(h.dataDir);
    const summary = await again.fleetSummary({});
    expect(summary?.subset).toBe('FD001');
    expect(summary?.fileName).toBe('test_FD001.txt');
    expect(summary?.units.map((u) => u.cycles)).toEqual([35, 35]);
    expect(summary?.stored?.importedAt).toBe(second.fleet.stored?.importedAt);
    expect((await again.fleetSummary({ subset: 'FD003' }))?.rows).toBe(120);
    expect(await again.fleetTracks({ subset: 'FD001' })).toEqual(tracks);
    expect(await again.fleetUnit({ subset: 'FD003', unit: 2 })).toEqual(unit);
  });

  it('a re-import of a subset replaces the stored one', async () => {
    const h = handlers();
    await h.importCmapss({ fileName: 'test_FD002.txt', text: [row(1, 1), row(1, 2), row(2, 1)].join('\n') });
    await h.importCmapss({ fileName: 'train_FD002.txt', text: [row(5, 1)].join('\n') });
    await disposeFleetStores();
    const again = handlers(h.dataDir);
    const s = await again.fleetSummary({ subset: 'FD002' });
    expect(s?.fileName).toBe('train_FD002.txt');
    expect(s?.units.map((u) => u.unit)).toEqual([5]);
  });
});
