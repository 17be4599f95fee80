// Audit part of the TwinApi: every call of a plant-changing method, who made it and how it ended.
import { z } from 'zod';
import type { Role } from '../caller';

export const auditRequestSchemas = {
  listAudit: z
    .object({
      /** Only entries at or after this wall time, ms since the Unix epoch. */
      from: z.number().int().min(0).max(8.64e15).optional(),
      /** Newest entries first; at most this many. */
      limit: z.number().int().min(1).max(10_000).default(200),
    })
    .strict(),
} as const;

/** One recorded call of a method that changes the plant or its records. */
export interface AuditEntry {
  /** Wall time of the call, ms since the Unix epoch. */
  t: number;
  method: string;
  /** The request, shortened (long texts and file contents replaced by their length). */
  summary: string;
  role: Role;
  /** Where the call came from: "desktop" or "web <remote address>". */
  client: string;
  ok: boolean;
  /** The error the caller saw, when `ok` is false. */
  error: string | null;
}

export interface AuditApi {
  /** Recorded plant-changing calls, newest first. */
  listAudit(req: z.input<(typeof auditRequestSchemas)['listAudit']>): Promise<AuditEntry[]>;
}
