import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fleetRequestSchemas } from '../../../core/api/domains/fleet';
import {
  ChunkedImports,
  CMAPSS_CHUNK_CHARS,
  IMPORT_IDLE_MS,
  MAX_OPEN_IMPORTS,
} from '../../../core/fleet/import-session';
import { realClock } from '../../../core/upload/chunked-uploads';
import { createFleetHandlers } from '../../../electron/services/handlers/fleet';
import {
  sendCmapssInChunks,
  type ChunkedImportApi,
} from '../../../renderer/src/features/fleet/chunked-upload';
import { CMAPSS_DIR } from '../../cmapss-dir';
import { cleanUpFleetContexts, fleetContext } from './fleet-context';

afterEach(cleanUpFleetContexts);

const FD004 = join(CMAPSS_DIR, 'train_FD004.txt');
const HAVE_FD004 = existsSync(FD004);
if (!HAVE_FD004) console.warn(`skipping the large-file import test: ${FD004} is absent (NASA C-MAPSS data)`);
/** The web-mode WebSocket's per-message limit (electron/transport/ws-transport.ts). */
const WS_MAX_PAYLOAD = 8 * 1024 * 1024;

describe('chunked imports', () => {
  it('joins chunks sent in order and refuses gaps, repeats, oversize chunks and overruns', () => {
    const imports = new ChunkedImports<string>();
    const id = imports.begin({ fileName: 'train_FD004.txt', size: 6 }, 'FD004');
    expect(imports.chunk(id, 0, 'abc')).toBe(3);
    expect(() => imports.chunk(id, 2, 'x')).toThrow('train_FD004.txt: chunk 2 arrived, expected chunk 1');
    expect(() => imports.chunk(id, 0, 'abc')).toThrow('expected chunk 1');
    expect(() => imports.chunk(id, 1, 'x'.repeat(CMAPSS_CHUNK_CHARS + 1))).toThrow(
      `at most ${CMAPSS_CHUNK_CHARS}`,
    );
    expect(imports.chunk(id, 1, 'def')).toBe(6);
    expect(imports.commit(id)).toEqual({ fileName: 'train_FD004.txt', data: 'abcdef', meta: 'FD004' });
    expect(() => imports.commit(id)).toThrow(`no open C-MAPSS import "${id}"`);

    const over = imports.begin({ fileName: 'a.txt', size: 2 }, '');
    expect(() => imports.chunk(over, 0, 'abc')).toThrow('more than the declared 2 characters');
    expect(imports.size).toBe(0);
  });

  it('drops a commit with characters missing, and imports that sat idle', () => {
    let now = 0;
    const imports = new ChunkedImports<null>({ ...realClock, now: () => now });
    const short = imports.begin({ fileName: 'a.txt', size: 5 }, null);
    imports.chunk(short, 0, 'abc');
    expect(() => imports.commit(short)).toThrow('a.txt: 3 of 5 characters arrived; C-MAPSS import dropped');
    const idle = imports.begin({ fileName: 'b.txt', size: 5 }, null);
    now += IMPORT_IDLE_MS + 1;
    expect(() => imports.chunk(idle, 0, 'abc')).toThrow('sat idle too long');
  });

  it('keeps a bounded number of imports open and refuses files over the total limit', () => {
    const imports = new ChunkedImports<null>();
    const first = imports.begin({ fileName: 'a.txt', size: 1 }, null);
    for (let i = 0; i < MAX_OPEN_IMPORTS; i++) imports.begin({ fileName: 'b.txt', size: 1 }, null);
    expect(imports.size).toBe(MAX_OPEN_IMPORTS);
    expect(() => imports.chunk(first, 0, 'a')).toThrow('no open C-MAPSS import');
    expect(() => imports.begin({ fileName: 'huge.txt', size: 65_000_000 }, null)).toThrow(
      'huge.txt is 65.0 MB: files up to 64 MB are accepted',
    );
  });
});

/** The fleet handlers behind the checks the transport makes: request schema and message size. */
function viaTransport() {
  const h = createFleetHandlers(fleetContext()) as unknown as Record<string, (req: unknown) => unknown>;
  const sizes: number[] = [];
  const call = <M extends keyof ChunkedImportApi>(method: M): ChunkedImportApi[M] =>
    (async (req: unknown) => {
      const bytes = Buffer.byteLength(JSON.stringify({ id: 1, method, req }));
      if (bytes > WS_MAX_PAYLOAD) throw new Error(`${method}: ${bytes} bytes exceed one WebSocket message`);
      sizes.push(bytes);
      return h[method]!(fleetRequestSchemas[method].parse(req));
    }) as ChunkedImportApi[M];
  const api: ChunkedImportApi = {
    importCmapssBegin: call('importCmapssBegin'),
    importCmapssChunk: call('importCmapssChunk'),
    importCmapssCommit: call('importCmapssCommit'),
    importCmapssAbort: call('importCmapssAbort'),
  };
  return { api, sizes, handlers: h };
}

describe('importing a file larger than one WebSocket message', () => {
  it('refuses a misnamed file before any chunk is sent, and closes a failed import', async () => {
    const { api, sizes } = viaTransport();
    await expect(sendCmapssInChunks(api, 'engines.txt', 'x')).rejects.toThrow(
      'cannot tell which C-MAPSS data set "engines.txt" is',
    );
    expect(sizes).toHaveLength(1);
    const failing: ChunkedImportApi = {
      ...api,
      importCmapssChunk: () => Promise.reject(new Error('connection lost')),
    };
    let aborted = '';
    failing.importCmapssAbort = async (req) => {
      aborted = req.importId;
      return api.importCmapssAbort(req);
    };
    await expect(sendCmapssInChunks(failing, 'test_FD001.txt', 'abc')).rejects.toThrow('connection lost');
    expect(aborted).toMatch(/^cmapss-/);
  });

  it.skipIf(!HAVE_FD004)(
    'imports the real train_FD004.txt (10.4 MB) in chunks, each within the 8 MiB limit',
    async () => {
      const text = readFileSync(FD004, 'utf8');
      expect(Buffer.byteLength(text)).toBeGreaterThan(WS_MAX_PAYLOAD);
      const { api, sizes, handlers } = viaTransport();
      const progress: number[] = [];
      const r = await sendCmapssInChunks(api, 'train_FD004.txt', text, (sent) => progress.push(sent));
      if (!r.ok) throw new Error(`import failed: ${r.errors[0]?.message}`);
      expect(r.fleet.subset).toBe('FD004');
      expect(r.fleet.units).toHaveLength(249);
      expect(r.fleet.rows).toBe(61249);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(WS_MAX_PAYLOAD);
      expect(sizes.length).toBe(2 + Math.ceil(text.length / CMAPSS_CHUNK_CHARS));
      expect(progress.at(-1)).toBe(text.length);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      const unit = (await handlers.fleetUnit!({ subset: 'FD004', unit: 249 })) as { cycles: number[] };
      expect(unit.cycles.length).toBeGreaterThan(0);
    },
    120_000,
  );
});
