import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { getTwinClient } from '../../../api/client';
import { activeLanguage } from '../../../i18n/i18n';
import { playbackStore } from '../../../state/playback-store';
import { useSession } from '../../../state/use-store';
import { useLocalizedAsset } from '../../../hooks/use-localized-asset';
import { FileLocationHint } from './FileLocationHint';
import { formatDateTime, formatNumber, parseDateTime } from '../../../format';
import { defaultExportRange } from './history-dialog-logic';

/** How the range's times are typed: a 24-hour UTC clock in every language. */
const TIME_FORMAT = 'YYYY-MM-DD hh:mm:ss';
/** File format names are the same in every language. */
const EXPORT_FORMATS = [
  { value: 'csv', name: 'CSV' },
  { value: 'parquet', name: 'Parquet' },
] as const;
const EXAMPLE_PATH = '/data/pump-skid-export';

/** Writes a time range of chosen tags to a CSV or Parquet file on the backend's machine. */
export function ExportSection() {
  const { t } = useTranslation('history');
  const tags = useLocalizedAsset()?.tags ?? [];
  const view = useStore(playbackStore, (s) => s.view);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [format, setFormat] = useState<'csv' | 'parquet'>('csv');
  const [path, setPath] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [exchangeDir, setExchangeDir] = useState<string | null>(null);
  const assetId = useSession((s) => s.session?.asset.id ?? 'history');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<{ path: string; rows: number } | null>(null);

  useEffect(() => {
    // The range starts as the timeline's visible span, else the whole store.
    void getTwinClient()
      .historyInfo({})
      .catch(() => ({ from: null, to: null, exchangeDir: null }))
      .then((info) => {
        // Defaults fill only what the user has not typed yet: the answer can come after the first keystrokes.
        const r = defaultExportRange(view, info, Date.now());
        setFrom((typed) => typed || formatDateTime(r.from));
        setTo((typed) => typed || formatDateTime(r.to));
        // Web mode writes only in the exchange folder: start with a file there.
        setExchangeDir(info.exchangeDir);
        const { exchangeDir: folder } = info;
        if (folder) setPath((typed) => typed || `${folder}/${assetId}-export.csv`);
      });
    // Only once, when the section opens: later timeline moves must not overwrite the user's range.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const fromMs = parseDateTime(from);
  const toMs = parseDateTime(to);
  const problem =
    fromMs === null || toMs === null
      ? t('dialog.export.enterTimes', { format: TIME_FORMAT })
      : fromMs >= toMs
        ? t('dialog.export.order')
        : !path.trim()
          ? t('dialog.export.enterTarget')
          : null;

  const run = async () => {
    if (problem || fromMs === null || toMs === null) return;
    setBusy(true);
    setError(null);
    setWritten(null);
    try {
      setWritten(
        await getTwinClient().exportHistory({
          path: path.trim(),
          from: fromMs,
          to: toMs,
          format,
          overwrite,
          // The header line for people follows the window's language; the ids line never changes.
          language: activeLanguage(),
          ...(chosen.length > 0 ? { tagIds: chosen } : {}),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="history-section">
      <div className="history-row">
        <label className="history-inline">
          <span>{t('dialog.export.from')}</span>
          <input
            type="text"
            className="num history-time"
            // A text field: datetime-local shows the browser's 12-hour clock in English locales.
            placeholder={TIME_FORMAT}
            spellCheck={false}
            data-testid="export-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="history-inline">
          <span>{t('dialog.export.to')}</span>
          <input
            type="text"
            className="num history-time"
            placeholder={TIME_FORMAT}
            spellCheck={false}
            data-testid="export-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <label className="history-inline">
          <span>{t('dialog.export.format')}</span>
          <select
            data-testid="export-format"
            value={format}
            onChange={(e) => {
              const next = e.target.value === 'parquet' ? 'parquet' : 'csv';
              setFormat(next);
              setPath((p) => p.replace(/\.(csv|parquet)$/, `.${next}`));
            }}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="history-field history-tags">
        <span>
          {chosen.length === 0
            ? t('dialog.export.tagsAll')
            : t('dialog.export.tagsChosen', { count: chosen.length })}
        </span>
        <select
          multiple
          data-testid="export-tags"
          value={chosen}
          size={Math.min(8, Math.max(3, tags.length))}
          onChange={(e) => setChosen(Array.from(e.target.selectedOptions, (o) => o.value))}
        >
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.instrument} — {tag.name} ({tag.unit})
            </option>
          ))}
        </select>
      </label>
      <label className="history-field">
        <span>{t('dialog.export.target')}</span>
        <input
          type="text"
          data-testid="export-path"
          value={path}
          spellCheck={false}
          placeholder={`${EXAMPLE_PATH}.${format}`}
          onChange={(e) => setPath(e.target.value)}
        />
        <button
          type="button"
          className="primary"
          data-testid="btn-export-run"
          disabled={problem !== null || busy}
          onClick={() => void run()}
        >
          {t('dialog.export.run')}
        </button>
      </label>
      <label className="history-inline">
        <input
          type="checkbox"
          data-testid="export-overwrite"
          checked={overwrite}
          onChange={(e) => setOverwrite(e.target.checked)}
        />
        <span>{t('dialog.export.overwrite')}</span>
      </label>
      {problem ? (
        <p className="muted history-hint">{problem}</p>
      ) : (
        <FileLocationHint
          exchangeDir={exchangeDir}
          extra={overwrite ? t('dialog.export.replaced') : t('dialog.export.leftAlone')}
        />
      )}
      {busy && <div className="history-busy" role="progressbar" aria-label={t('dialog.export.exporting')} />}
      {error && (
        <p className="history-error" role="alert">
          {error}
        </p>
      )}
      {written && (
        <div className="history-report" data-testid="export-report" data-rows={written.rows}>
          <p>
            <Trans
              t={t}
              i18nKey="dialog.export.written"
              values={{ rows: formatNumber(written.rows), path: written.path }}
              components={[<strong key="rows" />, <code key="path" />]}
            />
          </p>
        </div>
      )}
    </div>
  );
}
