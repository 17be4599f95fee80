import { useEffect, useState } from 'react';
import type { HistoryInfo } from '../../../../../core/api/domains/history';
import { getTwinClient } from '../../../api/client';
import { formatBytes } from './history-dialog-logic';
import { RetentionSetting } from './RetentionSetting';

const utc = (ms: number | null) =>
  ms === null ? '—' : `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** Recording, paused by a failing disk (with the samples lost so far), or off. */
function recordingText(info: HistoryInfo): string {
  if (!info.available) return 'Unavailable — the app runs without history';
  const { pausedReason, samplesNotStored } = info.recording;
  const lost = samplesNotStored > 0 ? ` ${samplesNotStored.toLocaleString('en-US')} samples not stored.` : '';
  return pausedReason === null
    ? `Recording.${lost}`
    : `History paused: ${pausedReason}. Retrying every second.${lost}`;
}

/** Where the store is, its size, span, sample count, retention and any problems found at start-up. */
export function StoreSection() {
  const [info, setInfo] = useState<HistoryInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    getTwinClient()
      .historyInfo({})
      .then(
        (i) => setInfo(i),
        (e: unknown) => setError((e as Error).message),
      );
  useEffect(() => void load(), []);

  if (error) return <p className="history-error">Could not read the history store: {error}</p>;
  if (!info) return <p className="muted">Reading the history store…</p>;
  return (
    <div className="history-section">
      <dl className="history-facts">
        <dt>Database</dt>
        <dd>
          <code data-testid="history-path">{info.path ?? 'not open'}</code>
        </dd>
        <dt>Status</dt>
        <dd data-testid="history-recording">{recordingText(info)}</dd>
        <dt>Size on disk</dt>
        <dd data-testid="history-bytes">{formatBytes(info.bytes)} (database and write-ahead log)</dd>
        <dt>Stored range</dt>
        <dd>
          {utc(info.from)} → {utc(info.to)}
        </dd>
        <dt>Samples</dt>
        <dd data-testid="history-samples">{info.sampleCount.toLocaleString('en-US')}</dd>
        <dt>Retention</dt>
        <RetentionSetting retentionDays={info.retentionDays} onSaved={load} />
      </dl>
      <h3>Start-up checks</h3>
      {info.problems.length === 0 ? (
        <p className="muted">No problems found when the store was opened.</p>
      ) : (
        <ul className="problem-list" data-testid="history-problems">
          {info.problems.map((p, i) => (
            <li key={i}>
              <code className="problem-path">{p.kind}</code>
              <span className="problem-message">
                {p.message}
                {p.movedTo && p.movedTo.length > 0 && ` Set aside as ${p.movedTo.join(', ')}.`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
