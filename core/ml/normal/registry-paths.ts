/**
 * Where normal-behaviour model versions live in the backend's data folder (pure paths, no file access):
 *
 *   <data dir>/models/<asset id>/normal/<version id>.json   one model card per version
 *   <data dir>/models/<asset id>/normal/active.json         {"id": "<version id>"}: the deployed one
 *
 * A version id is `normal-YYYYMMDD-HHMMSS`, the card's createdAt in UTC. Paths are joined with "/",
 * which Node accepts on every platform.
 */

const VERSION_ID = /^normal-\d{8}-\d{6}$/;
const ASSET_ID = /^[a-z][a-z0-9_-]*$/;

/** `normal-YYYYMMDD-HHMMSS` (UTC) of an ISO date-time; throws naming a value that is not a date. */
export function normalVersionId(createdAt: string): string {
  const ms = Date.parse(createdAt);
  if (!Number.isFinite(ms))
    throw new Error(`normal-behaviour model: createdAt "${createdAt}" is not an ISO date-time`);
  const iso = new Date(ms).toISOString();
  return `normal-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Whether `id` has the form of a version id (so it is safe as a file name). */
export const isNormalVersionId = (id: string): boolean => VERSION_ID.test(id);

function checked(assetId: string, id?: string): void {
  if (!ASSET_ID.test(assetId))
    throw new Error(`normal-behaviour model registry: "${assetId}" is not an asset id`);
  if (id !== undefined && !VERSION_ID.test(id))
    throw new Error(
      `normal-behaviour model registry: "${id}" is not a version id like normal-20260101-120000`,
    );
}

const trimmed = (dir: string) => dir.replace(/[\\/]+$/, '');

/** The folder of an asset's normal-behaviour model versions. */
export function normalModelDir(dataDir: string, assetId: string): string {
  checked(assetId);
  return `${trimmed(dataDir)}/models/${assetId}/normal`;
}

/** The model card file of one version. */
export function normalModelFile(dataDir: string, assetId: string, id: string): string {
  checked(assetId, id);
  return `${normalModelDir(dataDir, assetId)}/${id}.json`;
}

/** The file naming the deployed version, `{"id": "<version id>"}`; absent when none is deployed. */
export function normalActiveFile(dataDir: string, assetId: string): string {
  return `${normalModelDir(dataDir, assetId)}/active.json`;
}
