import { Trans, useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../../core/api/domains/history';
import { formatNumber } from '../../../format';

const utc = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** Inserted, updated and rejected rows of an import, each rejected row with its line and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('history');
  const r = report;
  return (
    <div className="history-report" data-testid="import-report" data-rejected={r.rejected.length}>
      <p>
        <Trans
          t={t}
          i18nKey="dialog.import.report"
          values={{
            inserted: formatNumber(r.rowsInserted),
            updated: formatNumber(r.rowsUpdated),
            duplicates:
              r.duplicateTimestamps > 0
                ? t('dialog.import.duplicates', { count: formatNumber(r.duplicateTimestamps) })
                : '',
            rejected: r.rejected.length,
            from: utc(r.from),
            to: utc(r.to),
          }}
          components={[
            <strong key="inserted" data-testid="import-inserted" />,
            <strong key="rejected" data-testid="import-rejected-count" />,
          ]}
        />
      </p>
      {r.rejected.length > 0 && (
        <div className="history-table-wrap">
          <table className="history-table history-rejects">
            <thead>
              <tr>
                <th>{t('dialog.import.line')}</th>
                <th>{t('dialog.import.column')}</th>
                <th>{t('dialog.import.reason')}</th>
                <th>{t('dialog.import.text')}</th>
              </tr>
            </thead>
            <tbody>
              {r.rejected.map((x, i) => (
                <tr key={i} data-testid="import-rejected-row" data-line={x.line}>
                  <td className="num">{x.line}</td>
                  <td>{x.column ?? '—'}</td>
                  <td>{x.reason}</td>
                  <td>
                    <code>{x.text ?? ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
