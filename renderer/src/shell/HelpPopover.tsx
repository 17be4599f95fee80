import { shortcutHelp } from '../hooks/shortcuts';

/** Small list of keyboard shortcuts under the toolbar's "?" button. */
export function HelpPopover({ onClose }: { onClose: () => void }) {
  return (
    <div
      className="popover help-popover"
      role="dialog"
      aria-label="Keyboard shortcuts"
      data-testid="help-popover"
    >
      <div className="popover-title">
        Keyboard shortcuts
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
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
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
