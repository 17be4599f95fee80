import type { ImportReport } from '../../../../../core/api/domains/history';

const utc = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** Inserted, updated and rejected rows of an import, each rejected row with its line and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const r = report;
  return (
    <div className="history-report" data-testid="import-report" data-rejected={r.rejected.length}>
      <p>
        <strong data-testid="import-inserted">{r.rowsInserted.toLocaleString('en-US')}</strong> rows inserted,{' '}
        {r.rowsUpdated.toLocaleString('en-US')} updated at existing times
        {r.duplicateTimestamps > 0 && `, ${r.duplicateTimestamps} duplicate timestamps (last row won)`},{' '}
        <strong data-testid="import-rejected-count">{r.rejected.length}</strong> rejected. Span {utc(r.from)}{' '}
        → {utc(r.to)}.
      </p>
      {r.rejected.length > 0 && (
        <div className="history-table-wrap">
          <table className="history-table history-rejects">
            <thead>
              <tr>
                <th>Line</th>
                <th>Column</th>
                <th>Reason</th>
                <th>Text</th>
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
