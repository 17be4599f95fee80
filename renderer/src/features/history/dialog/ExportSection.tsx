import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { getTwinClient } from '../../../api/client';
import { playbackStore } from '../../../state/playback-store';
import { useSession } from '../../../state/use-store';
import { FileLocationHint } from './FileLocationHint';
import { formatDateTime, parseDateTime } from '../../../format';
import { defaultExportRange } from './history-dialog-logic';

/** Writes a time range of chosen tags to a CSV or Parquet file on the backend's machine. */
export function ExportSection() {
  const tags = useSession((s) => s.session?.asset.tags ?? []);
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
      ? 'Enter both times as YYYY-MM-DD hh:mm:ss (24-hour clock, UTC).'
      : fromMs >= toMs
        ? '“From” must be before “to”.'
        : !path.trim()
          ? 'Enter the target file.'
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
          <span>From (UTC)</span>
          <input
            type="text"
            className="num history-time"
            // A text field: datetime-local shows the browser's 12-hour clock in English locales.
            placeholder="YYYY-MM-DD hh:mm:ss"
            spellCheck={false}
            data-testid="export-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="history-inline">
          <span>To (UTC)</span>
          <input
            type="text"
            className="num history-time"
            placeholder="YYYY-MM-DD hh:mm:ss"
            spellCheck={false}
            data-testid="export-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <label className="history-inline">
          <span>Format</span>
          <select
            data-testid="export-format"
            value={format}
            onChange={(e) => {
              const next = e.target.value === 'parquet' ? 'parquet' : 'csv';
              setFormat(next);
              setPath((p) => p.replace(/\.(csv|parquet)$/, `.${next}`));
            }}
          >
            <option value="csv">CSV</option>
            <option value="parquet">Parquet</option>
          </select>
        </label>
      </div>
      <label className="history-field history-tags">
        <span>Tags ({chosen.length === 0 ? 'none chosen: all' : `${chosen.length} chosen`})</span>
        <select
          multiple
          data-testid="export-tags"
          value={chosen}
          size={Math.min(8, Math.max(3, tags.length))}
          onChange={(e) => setChosen(Array.from(e.target.selectedOptions, (o) => o.value))}
        >
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.instrument} — {t.name} ({t.unit})
            </option>
          ))}
        </select>
      </label>
      <label className="history-field">
        <span>Target file</span>
        <input
          type="text"
          data-testid="export-path"
          value={path}
          spellCheck={false}
          placeholder={`/data/pump-skid-export.${format}`}
          onChange={(e) => setPath(e.target.value)}
        />
        <button
          type="button"
          className="primary"
          data-testid="btn-export-run"
          disabled={problem !== null || busy}
          onClick={() => void run()}
        >
          Export
        </button>
      </label>
      <label className="history-inline">
        <input
          type="checkbox"
          data-testid="export-overwrite"
          checked={overwrite}
          onChange={(e) => setOverwrite(e.target.checked)}
        />
        <span>Replace the file if it exists</span>
      </label>
      {problem ? (
        <p className="muted history-hint">{problem}</p>
      ) : (
        <FileLocationHint
          exchangeDir={exchangeDir}
          extra={
            overwrite ? 'An existing file is replaced.' : 'An existing file is left alone (export refused).'
          }
        />
      )}
      {busy && <div className="history-busy" role="progressbar" aria-label="Exporting" />}
      {error && (
        <p className="history-error" role="alert">
          {error}
        </p>
      )}
      {written && (
        <div className="history-report" data-testid="export-report" data-rows={written.rows}>
          <p>
            <strong>{written.rows.toLocaleString('en-US')}</strong> rows written to{' '}
            <code>{written.path}</code>.
          </p>
        </div>
      )}
    </div>
  );
}
