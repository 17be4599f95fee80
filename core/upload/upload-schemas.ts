// Request fields shared by the chunked uploads (GLB models, C-MAPSS files): one place for their limits.
import { z } from 'zod';

/** Name of the file being uploaded, as the user picked it. */
export const uploadFileName = z.string().min(1).max(512);

/** Declared size of the whole upload, refused above `max` with `tooLarge`. */
export const uploadSize = (max: number, tooLarge: string) => z.number().int().min(0).max(max, tooLarge);

/** 0-based position of a chunk; chunks are sent in order. */
export const uploadChunkIndex = z.number().int().min(0);
