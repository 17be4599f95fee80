import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { getInferenceClient } from '../../inference/shared-client';
import { modelsStore } from './models-store';
import { cancelRetrain, startRetrain } from './retrain-run';
import { deleteVersion, switchToVersion } from './versions';
import { ModalDialog } from '../../ui/ModalDialog';
import { RetrainSection } from './RetrainSection';
import { VersionTable } from './VersionTable';
import './models-dialog.css';

/** The health model's versions on this machine, retraining on recent history, and switching versions. */
export function ModelsDialog({ onClose }: { onClose: () => void }) {
  const { index, shipped, problem, switching, status } = useStore(modelsStore);
  const [error, setError] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  const client = getInferenceClient();
  const busy = switching || status === 'running' || status === 'cancelling';
  const run = (job: () => Promise<void>) => {
    setError(null);
    job().catch((e: unknown) => setError((e as Error).message));
  };
  return (
    <ModalDialog
      className="models-dialog"
      labelledBy="models-dialog-title"
      testId="models-dialog"
      onClose={onClose}
    >
      <h2 id="models-dialog-title">Models · pump-skid health</h2>
      <div className="models-dialog-body">
        {problem && <p className="history-error">{problem}</p>}
        {index && shipped && (
          <VersionTable
            index={index}
            shippedCard={shipped.cardId}
            busy={busy}
            onUse={(id) => run(() => switchToVersion(client, id))}
            onDelete={(id) => run(() => deleteVersion(client, id))}
          />
        )}
        {error && (
          <p className="history-error" data-testid="models-error">
            {error}
          </p>
        )}
        <RetrainSection
          disabled={!index || !shipped}
          onRetrain={() => void startRetrain(client)}
          onCancel={() => run(() => cancelRetrain(client))}
        />
        <p className="history-hint">
          The forecaster is not retrained here yet; it can follow the same path. Retrained weights stay in
          this browser (IndexedDB).
        </p>
      </div>
      <div className="dialog-actions">
        <button ref={closeButton} type="button" data-testid="btn-models-close" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
