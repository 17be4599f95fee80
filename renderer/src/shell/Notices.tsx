import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissNotice, type Notice } from '../state/session-store';
import { useSession } from '../state/use-store';

const AUTO_DISMISS_MS = 6000;

function Toast({ notice }: { notice: Notice }) {
  const { t } = useTranslation(['shell', 'common']);
  const lasting = notice.level === 'error' || (notice.actions?.length ?? 0) > 0;
  useEffect(() => {
    if (lasting) return;
    const id = setTimeout(() => dismissNotice(notice.id), AUTO_DISMISS_MS);
    return () => clearTimeout(id);
  }, [notice.id, lasting]);
  return (
    <div
      className={`toast toast-${notice.level}`}
      role={notice.level === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      data-level={notice.level}
    >
      <span className="toast-level">{t(`notice.${notice.level}`)}</span>
      <span className="toast-message">
        {notice.message}
        {notice.actions && (
          <span className="toast-actions">
            {notice.actions.map((a) => (
              <button
                key={a.testId}
                type="button"
                data-testid={a.testId}
                onClick={() => {
                  dismissNotice(notice.id);
                  a.run();
                }}
              >
                {a.label}
              </button>
            ))}
          </span>
        )}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('common:dismiss')}
        onClick={() => dismissNotice(notice.id)}
      >
        ×
      </button>
    </div>
  );
}

/** Backend and UI notices as toasts, top-right; errors and notices with actions stay until dismissed. */
export function Notices() {
  const notices = useSession((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  );
}
