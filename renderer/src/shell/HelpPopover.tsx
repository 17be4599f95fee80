import { useTranslation } from 'react-i18next';
import { shortcutHelp } from '../hooks/shortcuts';

/** Small list of keyboard shortcuts under the toolbar's "?" button. */
export function HelpPopover({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['shell', 'common']);
  return (
    <div
      className="popover help-popover"
      role="dialog"
      aria-label={t('help.title')}
      data-testid="help-popover"
    >
      <div className="popover-title">
        {t('help.title')}
        <button type="button" className="icon-button" aria-label={t('common:close')} onClick={onClose}>
          ×
        </button>
      </div>
      <table>
        <tbody>
          {shortcutHelp.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{t(`help.${s.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
