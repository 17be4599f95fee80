import { MODEL_UPLOAD_LIMITS } from '../../core/api/domains/asset-model';
import { ChunkedUploads } from '../../core/upload/chunked-uploads';
import type { BackendContext } from './backend-context';

/** GLB models sent in chunks (modelUploadBegin/Chunk), taken whole by loadAsset's `modelUploadId`. */
export type ModelUploads = ChunkedUploads<Buffer, Buffer, null>;

/** The backend's open GLB uploads, freed at dispose; `idleMs` overrides the idle timeout (tests). */
export function createModelUploads(ctx: BackendContext, idleMs?: number): ModelUploads {
  const limits = { ...MODEL_UPLOAD_LIMITS, idleMs: idleMs ?? MODEL_UPLOAD_LIMITS.idleMs };
  const uploads: ModelUploads = new ChunkedUploads(limits, (parts: Buffer[]) => Buffer.concat(parts));
  ctx.onDispose(() => uploads.dispose());
  return uploads;
}
