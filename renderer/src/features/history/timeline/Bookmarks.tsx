import { useState, type FormEvent } from 'react';
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
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const access = useCanCall('addBookmark', 'adding a bookmark');

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
      .catch((err: unknown) => pushNotice('error', `Bookmark not saved: ${(err as Error).message}`));
  };

  return (
    <span className="timeline-bookmarks">
      <button
        type="button"
        data-testid="btn-bookmarks"
        aria-expanded={open}
        title="Add a bookmark at the playhead, or jump to one"
        onClick={() => setOpen(!open)}
      >
        ⚑ Bookmarks{bookmarks.length > 0 ? ` (${bookmarks.length})` : ''}
      </button>
      {open && (
        <div className="popover timeline-bookmark-popover" role="dialog" aria-label="Bookmarks">
          <form className="timeline-bookmark-form" onSubmit={add}>
            <input
              data-testid="bookmark-note"
              placeholder="Note at the playhead…"
              maxLength={500}
              disabled={!access.allowed}
              title={access.refusal}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="submit" disabled={!access.allowed || !note.trim()} title={access.refusal}>
              Add
            </button>
          </form>
          {bookmarks.length === 0 ? (
            <p className="empty-hint">No bookmarks yet.</p>
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
