import { useTranslation } from 'react-i18next';
import { toggleConnectionsPanel } from '../../state/connections-store';
import { useConnections } from '../../state/use-store';
import { ConnectionsDialog } from './ConnectionsDialog';

/** Toolbar entry "Connections" (shown for an asset with live sources) and the panel it opens (also with C). */
export function ConnectionsButton() {
  const { t } = useTranslation('connections');
  const hasSources = useConnections((s) => s.snapshot?.hasSources ?? false);
  const open = useConnections((s) => s.panelOpen);
  return (
    <>
      {hasSources && (
        <button
          type="button"
          className="toggle"
          data-testid="btn-connections"
          aria-pressed={open}
          onClick={toggleConnectionsPanel}
          title={t('buttonTitle')}
        >
          {t('button')} <kbd>C</kbd>
        </button>
      )}
      {open && <ConnectionsDialog />}
    </>
  );
}
