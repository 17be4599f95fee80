import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { getTwinClient } from '../../api/client';
import { getInferenceClient } from '../../inference/shared-client';
import { normalModelStore } from '../../state/normal-model-store';
import { useLocalizedAsset } from '../../hooks/use-localized-asset';
import { phraseText } from '../../i18n/phrase-text';
import { useSession } from '../../state/use-store';
import { LearnNormalSection } from './LearnNormalSection';
import { normalLearnStore } from './normal-learn-store';
import {
  cancelLearnNormal,
  deployLearnt,
  learnNormal,
  refreshNormalRegistry,
  deployNormalVersion,
} from './normal-learn-run';
import { NormalVersionTable } from './NormalVersionTable';

/** The shown asset's normal-behaviour models: stored versions, the one running, and Learn normal. */
export function NormalModelsSection({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('models');
  const asset = useSession((s) => s.session?.asset ?? null);
  const shownName = useLocalizedAsset()?.name ?? '';
  const { registry, registryError, status } = useStore(normalLearnStore);
  const running = useStore(normalModelStore);
  const [error, setError] = useState<string | null>(null);
  const api = getTwinClient();
  useEffect(() => void refreshNormalRegistry(api), [api, asset]);
  if (!asset) return null;
  const busy = status === 'running' || status === 'cancelling';
  const run = (job: () => Promise<void>) => {
    setError(null);
    job().catch((e: unknown) => setError((e as Error).message));
  };
  return (
    <section className="models-normal" aria-labelledby="models-normal-title" data-testid="normal-models">
      <h3 id="models-normal-title">{t('normal.title', { asset: shownName })}</h3>
      {registryError && <p className="history-error">{registryError}</p>}
      {registry?.problems.map((p, i) => (
        <p key={p} className="history-error">
          {phraseText(registry.problemPhrases?.[i], p)}
        </p>
      ))}
      {running.message && (running.status === 'refused' || running.status === 'error') && (
        <p className="history-error" data-testid="normal-running-problem">
          {running.message()}
        </p>
      )}
      {registry && (
        <NormalVersionTable
          registry={registry}
          tags={asset.tags}
          assetName={shownName}
          busy={busy || !canWrite}
          onUse={(id) => run(() => deployNormalVersion(api, id))}
        />
      )}
      {error && (
        <p className="history-error" data-testid="normal-error">
          {error}
        </p>
      )}
      <LearnNormalSection
        disabled={!canWrite}
        onLearn={() => void learnNormal(api, getInferenceClient(), asset)}
        onCancel={() => run(() => cancelLearnNormal(getInferenceClient()))}
        onDeploy={() => run(() => deployLearnt(api))}
      />
    </section>
  );
}
