import type { DuckDBInstance } from '@duckdb/node-api';
import { SampleChunkWriter } from './chunk-writer';
import type { StoreConnections } from './connections';
import type { StoreProblem } from './integrity';
import type { Connection, Initialised } from './open-recovering';
import {
  prepareConnection,
  prepareLayout,
  prepareRollup,
  readCommitState,
  rollupCatchUpFrom,
} from './prepare-file';
import { MINUTE_MS } from './rollup';
import { assetTables } from './schema';
import type { HistoryStoreOptions } from './store-types';
import { StoreWrites } from './store-writes';

/** The parts of a store made when its file opens. */
export interface OpenedStore {
  instance: DuckDBInstance;
  connections: StoreConnections;
  writes: StoreWrites;
  /** Shared with the opening, which may add to it after this returns. */
  problems: StoreProblem[];
}

/** Readies an opened file for the asset: tables, columns, rollup, commit state and the sample appender. */
export async function setUpStore(
  path: string,
  conn: Connection,
  problems: StoreProblem[],
  options: HistoryStoreOptions,
): Promise<Initialised<OpenedStore>> {
  const { writer, instance } = conn;
  const { asset } = options;
  const reader = await prepareConnection(path, conn, asset);
  const connections: StoreConnections = {
    writer,
    reader,
    tables: assetTables(asset.id),
    connect: async () => {
      const extra = await instance.connect();
      await extra.run(`SET TimeZone = 'UTC'`);
      return extra;
    },
  };
  const tagIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
  const layout = await prepareLayout(writer, asset, connections.tables, tagIndex);
  const state = await readCommitState(writer, connections.tables);
  const rawFrom = await prepareRollup(
    writer,
    asset,
    connections.tables,
    state.lastRollupTs,
    Number.NEGATIVE_INFINITY,
  );
  const writes = new StoreWrites(
    path,
    asset,
    connections,
    new SampleChunkWriter(layout),
    { seq: state.seq, lastTs: state.lastTs, rawFrom },
    options,
  );
  // Rollups trail commits by a few seconds; after a crash, catch up from the last rolled minute.
  const { lastTs } = state;
  if (lastTs !== null && (state.lastRollupTs === null || state.lastRollupTs + MINUTE_MS <= lastTs)) {
    const from = await rollupCatchUpFrom(writer, connections.tables, state.lastRollupTs, lastTs);
    writes.rollup.note(from, lastTs);
    await writes.refreshDirtyRollup();
  }
  await writes.openAppender();
  return { store: { instance, connections, writes, problems }, writer, seq: state.seq, lastTs };
}
