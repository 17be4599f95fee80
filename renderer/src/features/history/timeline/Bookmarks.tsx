import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEventItem } from '../../../../../core/api/domains/history';
import { getTwinClient } from '../../../api/client';
import type { ReplayController } from '../../../state/replay-controller';
import { playbackStore } from '../../../state/playback-store';
import { useCanCall } from '../../../state/session-role';
import { pushNotice } from '../../../state/session-store';
import { formatDateTime } from '../../../format';

/** "Bookmark" button: add a note at the playhead (or now, when live) and list bookmarks to jump to. */
export function Bookmarks({
  controller,
  bookmarks,
  onAdded,
}: {
  controller: ReplayController;
  bookmarks: HistoryEventItem[];
  onAdded: () => void;
}) {
  const { t: say } = useTranslation('history');
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const access = useCanCall('addBookmark', say('bookmarks.access'));

  const add = (e: FormEvent) => {
    e.preventDefault();
    const s = playbackStore.getState();
    const t = s.mode === 'replay' ? s.playhead : s.range?.to;
    if (t === undefined || !note.trim()) return;
    getTwinClient()
      .addBookmark({ t: Math.round(t), note: note.trim() })
      .then(() => {
        setNote('');
        onAdded();
      })
      .catch((err: unknown) =>
        pushNotice('error', say('bookmarks.notSaved', { message: (err as Error).message })),
      );
  };

  return (
    <span className="timeline-bookmarks">
      <button
        type="button"
        data-testid="btn-bookmarks"
        aria-expanded={open}
        title={say('bookmarks.title')}
        onClick={() => setOpen(!open)}
      >
        {bookmarks.length > 0
          ? say('bookmarks.buttonCount', { count: bookmarks.length })
          : say('bookmarks.button')}
      </button>
      {open && (
        <div className="popover timeline-bookmark-popover" role="dialog" aria-label={say('bookmarks.label')}>
          <form className="timeline-bookmark-form" onSubmit={add}>
            <input
              data-testid="bookmark-note"
              placeholder={say('bookmarks.note')}
              maxLength={500}
              disabled={!access.allowed}
              title={access.refusal}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="submit" disabled={!access.allowed || !note.trim()} title={access.refusal}>
              {say('bookmarks.add')}
            </button>
          </form>
          {bookmarks.length === 0 ? (
            <p className="empty-hint">{say('bookmarks.none')}</p>
          ) : (
            <ul className="timeline-bookmark-list">
              {bookmarks.map((b) => (
                <li key={`${b.ts}-${b.label}`}>
                  <button type="button" className="link-button" onClick={() => controller.seek(b.ts)}>
                    <span className="num muted">{formatDateTime(b.ts)}</span> {b.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </span>
  );
}
