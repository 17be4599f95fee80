import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportReport } from '../../../../../core/api/domains/history';
import { getTwinClient } from '../../../api/client';
import { useSession } from '../../../state/use-store';
import { useLocalizedAsset } from '../../../hooks/use-localized-asset';
import { FileLocationHint } from './FileLocationHint';
import { useCanCall } from '../../../state/session-role';
import { ImportReportView } from './ImportReportView';
import { useExchangeDir } from './use-exchange-dir';
import {
  applyProgress,
  newImportId,
  progressText,
  startingProgress,
  type ImportProgressView,
} from './import-progress';
import { ProgressBar } from '../../../ui/ProgressBar';
import {
  buildImportRequest,
  initialMapping,
  setColumnRole,
  type ColumnRole,
  type ImportMapping,
  type TimestampFormat,
} from './history-dialog-logic';

const roleValue = (r: ColumnRole | undefined) =>
  !r || r.kind === 'ignore' ? 'ignore' : r.kind === 'timestamp' ? 'timestamp' : `tag:${r.tagId}`;
const parseRole = (v: string): ColumnRole =>
  v === 'timestamp'
    ? { kind: 'timestamp' }
    : v.startsWith('tag:')
      ? { kind: 'tag', tagId: v.slice(4) }
      : { kind: 'ignore' };

const EXAMPLE_PATH = '/data/pump-skid-2025.csv';

/** Path → preview → column mapping → import → report of inserted and rejected rows. */
export function ImportSection() {
  const { t } = useTranslation('history');
  const tags = useSession((s) => s.session?.asset.tags ?? []);
  const shownTags = useLocalizedAsset()?.tags ?? tags;
  const [path, setPath] = useState('');
  const exchangeDir = useExchangeDir();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const access = useCanCall('importHistory', t('dialog.import.access'));
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [running, setRunning] = useState<{ id: string; progress: ImportProgressView } | null>(null);
  const [cancel, setCancel] = useState<'asked' | 'done' | null>(null);
  const runningId = running?.id ?? null;

  // Progress events of the running import (ignored once it has answered).
  useEffect(() => {
    if (!runningId) return;
    return getTwinClient().subscribe((event) => {
      if (event.type !== 'history-import-progress') return;
      setRunning((r) =>
        r && r.id === runningId ? { ...r, progress: applyProgress(r.progress, r.id, event) } : r,
      );
    });
  }, [runningId]);

  const runPreview = async () => {
    setBusy('preview');
    setError(null);
    setReport(null);
    try {
      const p = await getTwinClient().previewImport({ path: path.trim() });
      setPreview(p);
      setMapping(initialMapping(p, tags));
    } catch (e) {
      setPreview(null);
      setMapping(null);
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const built = preview && mapping ? buildImportRequest(path, preview, mapping) : null;
  const runImport = async () => {
    if (!built || !('request' in built)) return;
    const importId = newImportId();
    setBusy('import');
    setError(null);
    setReport(null);
    setCancel(null);
    setRunning({ id: importId, progress: startingProgress() });
    try {
      setReport(await getTwinClient().importHistory({ ...built.request, importId }));
    } catch (e) {
      const message = (e as Error).message;
      if (/^Import cancelled/.test(message)) setCancel('done');
      else setError(message);
    } finally {
      setBusy(null);
      setRunning(null);
    }
  };

  const runCancel = async () => {
    if (!running) return;
    setCancel('asked');
    const r = await getTwinClient()
      .cancelImport({ importId: running.id })
      .catch((e: unknown) => ({ cancelled: false, reason: (e as Error).message }));
    if (!r.cancelled) {
      setCancel(null);
      setError(t('dialog.import.cannotCancel', { reason: r.reason ?? t('dialog.import.ended') }));
    }
  };

  return (
    <div className="history-section">
      <label className="history-field">
        <span>{t('dialog.import.file')}</span>
        <input
          type="text"
          data-testid="import-path"
          value={path}
          placeholder={EXAMPLE_PATH}
          spellCheck={false}
          onChange={(e) => setPath(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && path.trim() && void runPreview()}
        />
        <button
          type="button"
          data-testid="btn-import-preview"
          disabled={!access.allowed || !path.trim() || busy !== null}
          title={access.refusal}
          onClick={() => void runPreview()}
        >
          {t('dialog.import.preview')}
        </button>
      </label>
      <FileLocationHint exchangeDir={exchangeDir} />
      {busy === 'preview' && (
        <div className="history-busy" role="progressbar" aria-label={t('dialog.import.readingFile')} />
      )}
      {running && (
        <div className="history-row" data-testid="import-progress-row">
          <ProgressBar
            percent={running.progress.percent}
            label={t('dialog.import.progress')}
            text={progressText(running.progress)}
            testId="import-progress"
          />
          <button
            type="button"
            data-testid="btn-import-cancel"
            disabled={!running.progress.cancellable || cancel === 'asked'}
            title={
              running.progress.cancellable ? t('dialog.import.cancelTitle') : t('dialog.import.committing')
            }
            onClick={() => void runCancel()}
          >
            {cancel === 'asked' ? t('dialog.import.cancelling') : t('dialog.import.cancel')}
          </button>
        </div>
      )}
      {cancel === 'done' && (
        <p className="history-cancelled" role="status" data-testid="import-cancelled">
          {t('dialog.import.cancelled')}
        </p>
      )}
      {error && (
        <p className="history-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {preview && mapping && (
        <>
          <p className="muted">
            {preview.delimiter
              ? t('dialog.import.summaryDelimiter', {
                  format: preview.format.toUpperCase(),
                  delimiter: preview.delimiter === '\t' ? t('dialog.import.tab') : preview.delimiter,
                  count: preview.columns.length,
                  rows: preview.rows.length,
                })
              : t('dialog.import.summary', {
                  format: preview.format.toUpperCase(),
                  count: preview.columns.length,
                  rows: preview.rows.length,
                })}
          </p>
          <div className="history-table-wrap">
            <table className="history-table" data-testid="import-preview-table">
              <thead>
                <tr>
                  {preview.columns.map((c) => (
                    <th key={c.name}>
                      <div className="col-name">{c.name}</div>
                      <div className="col-type">{c.type}</div>
                      <select
                        aria-label={t('dialog.import.columnUse', { name: c.name })}
                        data-testid={`import-map-${c.name}`}
                        value={roleValue(mapping.roles[c.name])}
                        onChange={(e) =>
                          setMapping(setColumnRole(mapping, c.name, parseRole(e.target.value)))
                        }
                      >
                        <option value="ignore">{t('dialog.import.ignore')}</option>
                        <option value="timestamp">{t('dialog.import.timestamp')}</option>
                        {shownTags.map((tag) => (
                          <option key={tag.id} value={`tag:${tag.id}`}>
                            {tag.instrument} — {tag.name} ({tag.unit})
                          </option>
                        ))}
                      </select>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((v, j) => (
                      <td key={j}>{v ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="history-row">
            <label className="history-inline">
              <span>{t('dialog.import.timestampFormat')}</span>
              <select
                data-testid="import-ts-format"
                value={mapping.timestampFormat}
                onChange={(e) =>
                  setMapping({ ...mapping, timestampFormat: e.target.value as TimestampFormat })
                }
              >
                <option value="iso">{t('dialog.import.formats.iso')}</option>
                <option value="epoch-s">{t('dialog.import.formats.epochS')}</option>
                <option value="epoch-ms">{t('dialog.import.formats.epochMs')}</option>
              </select>
            </label>
            <span className="toolbar-spacer" />
            {built && 'error' in built && <span className="history-error">{built.error}</span>}
            <button
              type="button"
              className="primary"
              data-testid="btn-import-run"
              disabled={!access.allowed || !built || 'error' in built || busy !== null}
              title={access.refusal}
              onClick={() => void runImport()}
            >
              {t('dialog.import.run')}
            </button>
          </div>
          <p className="muted history-hint">{t('dialog.import.note')}</p>
        </>
      )}
      {report && <ImportReportView report={report} />}
    </div>
  );
}
