import { useEffect, useState } from 'react';
import type { HistoryRunInfo, HistoryRuns } from '../../../../../core/api/domains/history-runs';
import type { TwinApi } from '../../../../../core/api/twin-api';
import { getTwinClient } from '../../../api/client';
import { useCanCall } from '../../../state/session-role';
import { formatBytes } from './history-dialog-logic';
import { RunRetentionSetting } from './RunRetentionSetting';

const utc = (ms: number | null) =>
  ms === null ? '—' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const KIND_TEXT: Record<HistoryRunInfo['kind'], string> = {
  scenario: 'Scenario',
  recording: 'Recorded drill',
  archive: 'Archive',
};

type RunsCall = (api: TwinApi) => Promise<HistoryRuns>;

/**
 * The plant's history and, apart from it, the histories of sandbox runs (trainer scenarios, recorded drills)
 * and opened archives: show one in the timeline, delete runs and archives, set how long runs are kept.
 */
export function RunsSection() {
  const [runs, setRuns] = useState<HistoryRuns | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const operate = useCanCall('historyView', 'showing or deleting runs');
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

  if (!runs) return <p className="muted">{error ?? 'Reading the runs…'}</p>;
  const disabled = !operate.allowed || busy;
  const show = (runId: string | null) => void act((api) => api.historyView({ runId }));
  return (
    <div className="history-section" data-testid="history-runs">
      <p className="history-hint muted">
        Trainer scenarios and recorded drills play on a sandbox simulator while the plant waits. Their samples
        go to a store of their own in <code>{runs.folder}</code>; the plant&apos;s history is never replaced
        or moved.
      </p>
      <table className="kpi-table history-runs-table">
        <thead>
          <tr>
            <th>History</th>
            <th>Kind</th>
            <th>Started</th>
            <th>Span</th>
            <th className="num">Samples</th>
            <th className="num">Size</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <tr data-testid="history-run-plant" aria-current={runs.viewing === null}>
            <td>Plant</td>
            <td>Plant</td>
            <td>—</td>
            <td>—</td>
            <td />
            <td />
            <td className="history-run-actions">
              {runs.viewing === null ? (
                <span className="history-run-shown">Shown</span>
              ) : (
                <button
                  type="button"
                  data-testid="btn-run-show-plant"
                  disabled={disabled}
                  onClick={() => show(null)}
                >
                  Show
                </button>
              )}
            </td>
          </tr>
          {runs.runs.map((r) => (
            <tr key={r.id} data-testid="history-run" aria-current={runs.viewing === r.id}>
              <td>
                {r.title}
                {r.recording && <span className="history-run-live"> · playing now</span>}
              </td>
              <td>{KIND_TEXT[r.kind]}</td>
              <td className="num">{utc(r.createdAt)}</td>
              <td className="num">
                {utc(r.from)} → {utc(r.to)}
              </td>
              <td className="num">{r.samples === null ? '—' : r.samples.toLocaleString('en-US')}</td>
              <td className="num">{formatBytes(r.bytes)}</td>
              <td className="history-run-actions">
                {runs.viewing === r.id ? (
                  <span className="history-run-shown">Shown</span>
                ) : (
                  <button
                    type="button"
                    data-testid="btn-run-show"
                    disabled={disabled}
                    onClick={() => show(r.id)}
                  >
                    Show
                  </button>
                )}
                <button
                  type="button"
                  data-testid="btn-run-delete"
                  disabled={disabled || r.recording}
                  title={r.recording ? 'Leave the scenario or stop recording first' : operate.refusal}
                  onClick={() =>
                    window.confirm(
                      `Delete the history of "${r.title}"? The plant's history is not touched.`,
                    ) && void act((api) => api.historyDeleteRun({ runId: r.id }))
                  }
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.runs.length === 0 && <p className="muted">No runs yet.</p>}
      {runs.archives.length > 0 && (
        <>
          <h3>Archives</h3>
          <p className="history-hint muted">
            History an older version set aside when the simulator clock went back. Open one to look at it as a
            run of its own.
          </p>
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
                  {a.openedAs ? 'Show' : 'Open'}
                </button>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() =>
                    window.confirm(`Delete ${a.file}?`) &&
                    void act((api) => api.historyDeleteArchive({ file: a.file }))
                  }
                >
                  Delete
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
