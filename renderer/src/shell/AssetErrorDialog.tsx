import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ui/ModalDialog';
import { sessionStore } from '../state/session-store';
import { useSession } from '../state/use-store';
import { useLocalizedAsset } from '../hooks/use-localized-asset';
import { problemText } from './problem-text';

const dismiss = () => sessionStore.setState({ assetError: null });

/** Lists every problem of a rejected asset file; the asset that was running keeps running. */
export function AssetErrorDialog() {
  const { t } = useTranslation(['shell', 'common']);
  const error = useSession((s) => s.assetError);
  const assetName = useLocalizedAsset()?.name ?? null;
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (error) close.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <ModalDialog
      className="asset-error"
      role="alertdialog"
      labelledBy="asset-error-title"
      testId="asset-error"
      onClose={dismiss}
    >
      <h2 id="asset-error-title">{t('assetError.title', { fileName: error.fileName })}</h2>
      <p>
        {t('assetError.problems', { count: error.problems.length })}{' '}
        {assetName ? t('assetError.keepsRunningNamed', { name: assetName }) : t('assetError.keepsRunning')}
      </p>
      <ul className="problem-list">
        {error.problems.map((p, i) => (
          <li key={`${p.path}-${i}`} data-testid="asset-problem">
            <code className="problem-path">{p.path}</code>
            <span className="problem-message">{problemText(p.message)}</span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button ref={close} type="button" className="primary" onClick={dismiss}>
          {t('common:close')}
        </button>
      </div>
    </ModalDialog>
  );
}
