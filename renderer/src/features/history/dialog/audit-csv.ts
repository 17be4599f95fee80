import type { AuditEntry } from '../../../../../core/api/domains/audit';

const CSV_COLUMNS = ['time_utc', 'method', 'role', 'client', 'result', 'error', 'request'] as const;

/** A CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The audit trail as CSV (RFC 4180, header row, ISO times in UTC), in the order given. */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) =>
    [new Date(e.t).toISOString(), e.method, e.role, e.client, e.ok ? 'ok' : 'error', e.error ?? '', e.summary]
      .map(csvField)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
