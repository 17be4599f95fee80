import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { getInferenceClient } from '../../inference/shared-client';
import { modelsStore } from './models-store';
import { cancelRetrain, startRetrain } from './retrain-run';
import { deleteVersion, switchToVersion } from './versions';
import { ModalDialog } from '../../ui/ModalDialog';
import { RetrainSection } from './RetrainSection';
import { VersionTable } from './VersionTable';
import { NormalModelsSection } from './NormalModelsSection';
import { healthModelPath } from '../../predictions/prediction-loop';
import { useLocalizedAsset } from '../../hooks/use-localized-asset';
import { useCanCall } from '../../state/session-role';
import './models-dialog.css';

/**
 * The shown asset's models: the health model's versions on this machine (retraining, switching) where the
 * asset has one, and its normal-behaviour versions kept by the backend (Learn normal, deploy, switching).
 */
export function ModelsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('models');
  const { index, shipped, problem, switching, status } = useStore(modelsStore);
  const [error, setError] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  const client = getInferenceClient();
  const asset = useLocalizedAsset();
  const assetName = asset?.name ?? '';
  const hasHealthModel = asset !== null && healthModelPath(asset) !== null;
  const { allowed: canWrite } = useCanCall('saveNormalModel', t('writeAccess'));
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
      <h2 id="models-dialog-title">{t('title', { asset: assetName })}</h2>
      <div className="models-dialog-body">
        <h3>{t('healthModel')}</h3>
        {problem && <p className={hasHealthModel ? 'history-error' : 'history-hint'}>{problem}</p>}
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
        {hasHealthModel && (
          <>
            <RetrainSection
              disabled={!index || !shipped}
              onRetrain={() => void startRetrain(client)}
              onCancel={() => run(() => cancelRetrain(client))}
            />
            <p className="history-hint">{t('forecasterNote')}</p>
          </>
        )}
        <NormalModelsSection canWrite={canWrite} />
      </div>
      <div className="dialog-actions">
        <button ref={closeButton} type="button" data-testid="btn-models-close" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </ModalDialog>
  );
}
