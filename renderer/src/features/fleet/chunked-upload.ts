import type { FleetApi, ImportCmapssResult } from '../../../../core/api/domains/fleet';

export type ChunkedImportApi = Pick<
  FleetApi,
  'importCmapssBegin' | 'importCmapssChunk' | 'importCmapssCommit' | 'importCmapssAbort'
>;

/**
 * Sends a C-MAPSS file's text to the backend in chunks the backend sizes (each well under the
 * WebSocket's 8 MiB message limit), reporting characters sent, then imports it. A failed send
 * closes the import on the backend.
 */
export async function sendCmapssInChunks(
  api: ChunkedImportApi,
  fileName: string,
  text: string,
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<ImportCmapssResult> {
  const { importId, chunkChars } = await api.importCmapssBegin({ fileName, size: text.length });
  try {
    if (!(chunkChars > 0)) throw new Error(`backend asked for chunks of ${chunkChars} characters`);
    onProgress(0, text.length);
    for (let index = 0, at = 0; at < text.length; index++, at += chunkChars) {
      const { received } = await api.importCmapssChunk({
        importId,
        index,
        text: text.slice(at, at + chunkChars),
      });
      onProgress(received, text.length);
    }
    return await api.importCmapssCommit({ importId });
  } catch (e) {
    await api.importCmapssAbort({ importId }).catch(() => undefined);
    throw e;
  }
}
