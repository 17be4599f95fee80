import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isGlbModel, type AssetDefinition } from '../../../../core/asset/schema';
import { getTwinClient } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { pushNotice } from '../../state/session-store';
import { describeMissing, parseGlbModel } from './glb-model';
import { buildPumpSkid } from '../pump-skid';
import type { SceneModel } from './scene-model';
import { buildTurbofan } from '../turbofan';
import { buildSkabTestbed } from '../skab-testbed';

export interface LoadedSceneModel {
  /** The model to show, or null while a GLB is loading or when it failed. */
  model: SceneModel | null;
  /** What the viewport says instead of the model (loading or failure), in the active language, or null. */
  status: { kind: 'loading' | 'error'; message: string } | null;
}

const PROCEDURAL_BUILDERS: Readonly<Record<string, () => SceneModel>> = {
  'procedural:turbofan': buildTurbofan,
  'procedural:skab-testbed': buildSkabTestbed,
};

/** The builder the asset names; any other procedural name gets the pump skid, as before. */
function buildProcedural(model: string): SceneModel {
  return (PROCEDURAL_BUILDERS[model] ?? buildPumpSkid)();
}

function decodeBase64(base64: string): ArrayBuffer {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

/** `error`: why the GLB could not be loaded (the loader's own message), worded when shown. */
type GlbState = { asset: AssetDefinition; model: SceneModel | null; error: string | null };

/**
 * The asset's 3D model: procedural builders are built at once; a GLB is fetched from the backend
 * (getAssetModel, never the network) and parsed, again for every newly loaded asset.
 */
export function useSceneModel(asset: AssetDefinition | null): LoadedSceneModel {
  const { t } = useTranslation('scene');
  const kind = asset?.model ?? 'procedural:pump-skid';
  const glbAsset = asset && isGlbModel(asset.model) ? asset : null;
  const procedural = useMemo(() => (isGlbModel(kind) ? null : buildProcedural(kind)), [kind]);
  useEffect(() => () => procedural?.dispose(), [procedural]);

  const [glb, setGlb] = useState<GlbState | null>(null);
  useEffect(() => {
    if (!glbAsset) return;
    let cancelled = false;
    let loaded: SceneModel | null = null;
    void (async () => {
      try {
        const file = await getTwinClient().getAssetModel({});
        const { model, missing } = await parseGlbModel(decodeBase64(file.base64), glbAsset, file.fileName);
        if (cancelled) return model.dispose();
        loaded = model;
        const notice = describeMissing(file.fileName, missing);
        if (notice) pushNotice('warning', notice);
        setGlb({ asset: glbAsset, model, error: null });
      } catch (e) {
        if (cancelled) return;
        const error = e instanceof Error ? e.message : String(e);
        pushNotice('error', i18n.t('scene:modelFailed', { file: glbAsset.model, message: error }));
        setGlb({ asset: glbAsset, model: null, error });
      }
    })();
    return () => {
      cancelled = true;
      loaded?.dispose();
    };
  }, [glbAsset]);

  if (!glbAsset) return { model: procedural, status: null };
  if (glb?.asset !== glbAsset)
    return { model: null, status: { kind: 'loading', message: t('modelLoading', { file: glbAsset.model }) } };
  return {
    model: glb.model,
    status: glb.error
      ? { kind: 'error', message: t('modelFailed', { file: glbAsset.model, message: glb.error }) }
      : null,
  };
}
