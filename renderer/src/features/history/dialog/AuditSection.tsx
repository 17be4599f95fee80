import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../core/api/domains/audit';
import { getTwinClient } from '../../../api/client';
import { formatNumber } from '../../../format';
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
  const { t } = useTranslation('history');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getTwinClient()
      .listAudit({ limit: AUDIT_LIMIT })
      .then(setEntries, (e: unknown) => setError((e as Error).message));
  }, []);

  if (error) return <p className="history-error">{t('dialog.audit.readError', { message: error })}</p>;
  if (!entries) return <p className="muted">{t('dialog.audit.reading')}</p>;
  return (
    <div className="history-section" data-testid="audit-section">
      <p className="muted">{t('dialog.audit.intro', { count: formatNumber(AUDIT_LIMIT) })}</p>
      <div className="history-table-wrap">
        <table className="history-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('dialog.audit.time')}</th>
              <th>{t('dialog.audit.action')}</th>
              <th>{t('dialog.audit.role')}</th>
              <th>{t('dialog.audit.client')}</th>
              <th>{t('dialog.audit.result')}</th>
              <th>{t('dialog.audit.request')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={6} className="muted" data-testid="audit-empty">
                  {t('dialog.audit.empty')}
                </td>
              </tr>
            )}
            {entries.map((e, i) => (
              <tr key={`${e.t}-${i}`}>
                <td>{utc(e.t)}</td>
                <td>{e.method}</td>
                <td>{e.role}</td>
                <td>{e.client}</td>
                <td title={e.error ?? undefined}>
                  {e.ok ? t('dialog.audit.ok') : t('dialog.audit.error', { message: e.error ?? '' })}
                </td>
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
          {t('dialog.audit.export')}
        </button>
      </div>
    </div>
  );
}
