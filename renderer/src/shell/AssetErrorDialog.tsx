import { useEffect, useRef } from 'react';
import { ModalDialog } from '../ui/ModalDialog';
import { sessionStore } from '../state/session-store';
import { useSession } from '../state/use-store';

const dismiss = () => sessionStore.setState({ assetError: null });

/** Lists every problem of a rejected asset file; the asset that was running keeps running. */
export function AssetErrorDialog() {
  const error = useSession((s) => s.assetError);
  const assetName = useSession((s) => s.session?.asset.name ?? null);
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
      <h2 id="asset-error-title">Could not open {error.fileName}</h2>
      <p>
        The file has {error.problems.length} {error.problems.length === 1 ? 'problem' : 'problems'}.{' '}
        {assetName ? `The previous asset, ${assetName}, keeps running.` : 'The previous asset keeps running.'}
      </p>
      <ul className="problem-list">
        {error.problems.map((p, i) => (
          <li key={`${p.path}-${i}`} data-testid="asset-problem">
            <code className="problem-path">{p.path}</code>
            <span className="problem-message">{p.message}</span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button ref={close} type="button" className="primary" onClick={dismiss}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
