import { readCommitMark } from './store/integrity';
import { storePath } from './service';

const SIMULATOR_EPOCH = Date.UTC(2026, 0, 1);

/**
 * Where the plant's simulator clock starts so that its history goes on along one time axis: at the newest
 * sample the asset's store committed (read from the commit mark, before the store is open), or undefined
 * (the simulator's default start) when nothing newer than that is stored.
 */
export function plantClockStart(dataDir: string, assetId: string): number | undefined {
  const lastTs = readCommitMark(storePath(dataDir, assetId))?.lastTs ?? null;
  return lastTs !== null && lastTs > SIMULATOR_EPOCH ? lastTs : undefined;
}
