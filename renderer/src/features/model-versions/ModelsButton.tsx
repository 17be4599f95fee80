import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getInferenceClient } from '../../inference/shared-client';
import { modelsStore, type ModelsState, type RetrainSize } from './models-store';
import { startModelVersions } from './versions';
import { ModelsDialog } from './ModelsDialog';

declare global {
  interface TwinscapeHooks {
    retrain?: {
      /** Test-only: shrink the retrain (e.g. 64 windows, 1 epoch) for the software-GPU e2e run. */
      setSize(size: Partial<RetrainSize>): void;
      state(): ModelsState;
      subscribe(listener: (s: ModelsState) => void): () => void;
    };
  }
}

/** Toolbar entry "Models…"; also starts the model registry so the chosen version runs from page load. */
export function ModelsButton() {
  const { t } = useTranslation('models');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    startModelVersions(getInferenceClient());
    (window.__twinscape ??= {}).retrain = {
      setSize: (size) => modelsStore.setState((s) => ({ size: { ...s.size, ...size } })),
      state: () => modelsStore.getState(),
      subscribe: (listener) => modelsStore.subscribe(listener),
    };
  }, []);
  return (
    <>
      <button type="button" data-testid="btn-models" onClick={() => setOpen(true)} title={t('buttonTitle')}>
        {t('button')}
      </button>
      {open && <ModelsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
