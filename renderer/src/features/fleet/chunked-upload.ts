import type { FleetApi, ImportCmapssResult } from '../../../../core/api/domains/fleet';
import { sendInChunks } from '../../api/chunked-send';

export type ChunkedImportApi = Pick<
  FleetApi,
  'importCmapssBegin' | 'importCmapssChunk' | 'importCmapssCommit' | 'importCmapssAbort'
>;

/**
 * Sends a C-MAPSS file's text to the backend in chunks the backend sizes (each well under the
 * WebSocket's 8 MiB message limit), reporting characters sent, then imports it. A failed send
 * closes the import on the backend.
 */
export function sendCmapssInChunks(
  api: ChunkedImportApi,
  fileName: string,
  text: string,
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<ImportCmapssResult> {
  return sendInChunks(
    {
      begin: async (size) => {
        const { importId, chunkChars } = await api.importCmapssBegin({ fileName, size });
        return { id: importId, chunkSize: chunkChars };
      },
      sendChunk: async (importId, index, piece) =>
        (await api.importCmapssChunk({ importId, index, text: piece })).received,
      finish: (importId) => api.importCmapssCommit({ importId }),
      abort: (importId) => api.importCmapssAbort({ importId }),
    },
    text,
    onProgress,
  );
}
