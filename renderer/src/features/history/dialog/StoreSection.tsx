import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HistoryInfo } from '../../../../../core/api/domains/history';
import { getTwinClient } from '../../../api/client';
import { formatNumber } from '../../../format';
import { phraseText } from '../../../i18n/phrase-text';
import { formatBytes } from './history-dialog-logic';
import { RetentionSetting } from './RetentionSetting';

const utc = (ms: number | null) =>
  ms === null ? '—' : `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** Recording, paused by a failing disk (with the samples lost so far), or off. */
function recordingText(info: HistoryInfo, t: TFunction<'history'>): string {
  if (!info.available) return t('dialog.store.unavailable');
  const { pausedReason, samplesNotStored } = info.recording;
  const lost =
    samplesNotStored > 0 ? t('dialog.store.notStored', { count: formatNumber(samplesNotStored) }) : '';
  return pausedReason === null
    ? t('dialog.store.recording', { lost })
    : t('dialog.store.paused', { reason: pausedReason, lost });
}

/** Where the store is, its size, span, sample count, retention and any problems found at start-up. */
export function StoreSection() {
  const { t } = useTranslation('history');
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

  if (error) return <p className="history-error">{t('dialog.store.readError', { message: error })}</p>;
  if (!info) return <p className="muted">{t('dialog.store.reading')}</p>;
  return (
    <div className="history-section">
      <dl className="history-facts">
        <dt>{t('dialog.store.database')}</dt>
        <dd>
          <code data-testid="history-path">{info.path ?? t('dialog.store.notOpen')}</code>
        </dd>
        <dt>{t('dialog.store.status')}</dt>
        <dd data-testid="history-recording">{recordingText(info, t)}</dd>
        <dt>{t('dialog.store.size')}</dt>
        <dd data-testid="history-bytes">{t('dialog.store.sizeValue', { size: formatBytes(info.bytes) })}</dd>
        <dt>{t('dialog.store.range')}</dt>
        <dd>
          {utc(info.from)} → {utc(info.to)}
        </dd>
        <dt>{t('dialog.store.samples')}</dt>
        <dd data-testid="history-samples">{formatNumber(info.sampleCount)}</dd>
        <dt>{t('dialog.store.retention')}</dt>
        <RetentionSetting retentionDays={info.retentionDays} onSaved={load} />
      </dl>
      <h3>{t('dialog.store.checks')}</h3>
      {info.problems.length === 0 ? (
        <p className="muted">{t('dialog.store.noProblems')}</p>
      ) : (
        <ul className="problem-list" data-testid="history-problems">
          {info.problems.map((p, i) => (
            <li key={i}>
              <code className="problem-path">{p.kind}</code>
              <span className="problem-message">
                {phraseText(p.phrase, p.message)}
                {p.movedTo &&
                  p.movedTo.length > 0 &&
                  t('dialog.store.setAside', { files: p.movedTo.join(', ') })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
