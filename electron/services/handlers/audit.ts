import type { auditRequestSchemas } from '../../../core/api/domains/audit';
import type { AuditStore } from '../audit/audit-store';
import type { TwinHandlers } from '../twin-handlers';

export type AuditHandlers = Pick<TwinHandlers, keyof typeof auditRequestSchemas>;

/** Reading the audit trail (the backend itself writes it, in `createTwinBackend`). */
export function createAuditHandlers(audit: AuditStore): AuditHandlers {
  return {
    listAudit: (req) =>
      audit.list({ ...(req.from !== undefined ? { from: req.from } : {}), limit: req.limit }),
  };
}
