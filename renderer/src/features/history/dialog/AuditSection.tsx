import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../../core/api/domains/audit';
import { getTwinClient } from '../../../api/client';
import { auditToCsv } from './audit-csv';

/** How many of the newest entries the section shows and exports. */
const AUDIT_LIMIT = 1000;

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function downloadCsv(entries: readonly AuditEntry[]): void {
  const blob = new Blob([auditToCsv(entries)], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `twinscape-audit-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Every plant-changing call (setpoints, simulator, faults, alarms, imports…), who made it and how it ended. */
export function AuditSection() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getTwinClient()
      .listAudit({ limit: AUDIT_LIMIT })
      .then(setEntries, (e: unknown) => setError(`Could not read the audit trail: ${(e as Error).message}`));
  }, []);

  if (error) return <p className="history-error">{error}</p>;
  if (!entries) return <p className="muted">Reading the audit trail…</p>;
  return (
    <div className="history-section" data-testid="audit-section">
      <p className="muted">
        The newest {AUDIT_LIMIT.toLocaleString('en-US')} calls that change the plant or its records, refused
        ones included.
      </p>
      <div className="history-table-wrap">
        <table className="history-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Action</th>
              <th>Role</th>
              <th>Client</th>
              <th>Result</th>
              <th>Request</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={6} className="muted" data-testid="audit-empty">
                  No operator actions yet: setpoint changes, faults, alarm acknowledgements, imports and
                  retention changes appear here as they happen.
                </td>
              </tr>
            )}
            {entries.map((e, i) => (
              <tr key={`${e.t}-${i}`}>
                <td>{utc(e.t)}</td>
                <td>{e.method}</td>
                <td>{e.role}</td>
                <td>{e.client}</td>
                <td title={e.error ?? undefined}>{e.ok ? 'ok' : `error: ${e.error ?? ''}`}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          data-testid="btn-audit-export"
          disabled={entries.length === 0}
          onClick={() => downloadCsv(entries)}
        >
          Export CSV…
        </button>
      </div>
    </div>
  );
}
