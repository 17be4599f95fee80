import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { HistoryRuns } from '../../../../../core/api/domains/history-runs';
import type { TwinApi } from '../../../../../core/api/twin-api';
import { getTwinClient } from '../../../api/client';
import { formatNumber } from '../../../format';
import { useCanCall } from '../../../state/session-role';
import { formatBytes } from './history-dialog-logic';
import { RunRetentionSetting } from './RunRetentionSetting';

const utc = (ms: number | null) =>
  ms === null ? '—' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

type RunsCall = (api: TwinApi) => Promise<HistoryRuns>;

/**
 * The plant's history and, apart from it, the histories of sandbox runs (trainer scenarios, recorded drills)
 * and opened archives: show one in the timeline, delete runs and archives, set how long runs are kept.
 */
export function RunsSection() {
  const { t } = useTranslation('history');
  const [runs, setRuns] = useState<HistoryRuns | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const operate = useCanCall('historyView', t('dialog.runs.access'));
  const act = async (call: RunsCall) => {
    setBusy(true);
    setError(null);
    try {
      setRuns(await call(getTwinClient()));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    getTwinClient()
      .historyRuns({})
      .then(setRuns, (e: unknown) => setError((e as Error).message));
  }, []);

  if (!runs) return <p className="muted">{error ?? t('dialog.runs.reading')}</p>;
  const disabled = !operate.allowed || busy;
  const show = (runId: string | null) => void act((api) => api.historyView({ runId }));
  return (
    <div className="history-section" data-testid="history-runs">
      <p className="history-hint muted">
        <Trans
          t={t}
          i18nKey="dialog.runs.intro"
          values={{ folder: runs.folder }}
          components={[<code key="folder" />]}
        />
      </p>
      <table className="kpi-table history-runs-table">
        <thead>
          <tr>
            <th>{t('dialog.runs.history')}</th>
            <th>{t('dialog.runs.kind')}</th>
            <th>{t('dialog.runs.started')}</th>
            <th>{t('dialog.runs.span')}</th>
            <th className="num">{t('dialog.runs.samples')}</th>
            <th className="num">{t('dialog.runs.size')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <tr data-testid="history-run-plant" aria-current={runs.viewing === null}>
            <td>{t('dialog.runs.plant')}</td>
            <td>{t('dialog.runs.plant')}</td>
            <td>—</td>
            <td>—</td>
            <td />
            <td />
            <td className="history-run-actions">
              {runs.viewing === null ? (
                <span className="history-run-shown">{t('dialog.runs.shown')}</span>
              ) : (
                <button
                  type="button"
                  data-testid="btn-run-show-plant"
                  disabled={disabled}
                  onClick={() => show(null)}
                >
                  {t('dialog.runs.show')}
                </button>
              )}
            </td>
          </tr>
          {runs.runs.map((r) => (
            <tr key={r.id} data-testid="history-run" aria-current={runs.viewing === r.id}>
              <td>
                {r.title}
                {r.recording && <span className="history-run-live">{t('dialog.runs.playingNow')}</span>}
              </td>
              <td>{t(`dialog.runs.kinds.${r.kind}`)}</td>
              <td className="num">{utc(r.createdAt)}</td>
              <td className="num">
                {utc(r.from)} → {utc(r.to)}
              </td>
              <td className="num">{r.samples === null ? '—' : formatNumber(r.samples)}</td>
              <td className="num">{formatBytes(r.bytes)}</td>
              <td className="history-run-actions">
                {runs.viewing === r.id ? (
                  <span className="history-run-shown">{t('dialog.runs.shown')}</span>
                ) : (
                  <button
                    type="button"
                    data-testid="btn-run-show"
                    disabled={disabled}
                    onClick={() => show(r.id)}
                  >
                    {t('dialog.runs.show')}
                  </button>
                )}
                <button
                  type="button"
                  data-testid="btn-run-delete"
                  disabled={disabled || r.recording}
                  title={r.recording ? t('dialog.runs.leaveFirst') : operate.refusal}
                  onClick={() =>
                    window.confirm(t('dialog.runs.confirmDelete', { title: r.title })) &&
                    void act((api) => api.historyDeleteRun({ runId: r.id }))
                  }
                >
                  {t('dialog.runs.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.runs.length === 0 && <p className="muted">{t('dialog.runs.none')}</p>}
      {runs.archives.length > 0 && (
        <>
          <h3>{t('dialog.runs.archives')}</h3>
          <p className="history-hint muted">{t('dialog.runs.archivesNote')}</p>
          <ul className="history-archives">
            {runs.archives.map((a) => (
              <li key={a.file} data-testid="history-archive">
                <code>{a.file}</code> <span className="muted">{formatBytes(a.bytes)}</span>
                <button
                  type="button"
                  data-testid="btn-archive-open"
                  disabled={disabled}
                  onClick={() => void act((api) => api.historyOpenArchive({ file: a.file }))}
                >
                  {a.openedAs ? t('dialog.runs.show') : t('dialog.runs.open')}
                </button>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() =>
                    window.confirm(t('dialog.runs.confirmDeleteArchive', { file: a.file })) &&
                    void act((api) => api.historyDeleteArchive({ file: a.file }))
                  }
                >
                  {t('dialog.runs.delete')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <RunRetentionSetting
        days={runs.retentionDays}
        disabled={disabled}
        onSave={(days) => act((api) => api.setRunRetention({ days }))}
      />
      {error && (
        <p className="history-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
