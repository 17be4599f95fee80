import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetSummary } from '../../../core/api/domains/assets';
import { getTwinClient } from '../api/client';
import { useCanCall } from '../state/session-role';
import { pushNotice } from '../state/session-store';
import { useSession } from '../state/use-store';
import { assetOptionLabel, backgroundAttention } from './asset-switcher-label';

const POLL_MS = 2000;

/** With several assets running in the backend: which one is shown, and every one's health at a glance. */
export function AssetSwitcher() {
  const { t } = useTranslation('shell');
  const shownId = useSession((s) => s.session?.asset.id ?? null);
  const [assets, setAssets] = useState<AssetSummary[]>([]);
  const access = useCanCall('switchAsset', t('access.switchAsset'));
  useEffect(() => {
    let alive = true;
    const poll = () =>
      getTwinClient()
        .listAssets({})
        .then((list) => alive && setAssets(list))
        .catch(() => undefined);
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [shownId]);
  if (assets.length < 2) return null;
  const attention = backgroundAttention(assets);
  const change = (assetId: string) =>
    void getTwinClient()
      .switchAsset({ assetId })
      .then(setAssets)
      .catch((e: unknown) =>
        pushNotice('error', t('switcher.switchFailed', { message: (e as Error).message })),
      );
  return (
    <label className="toolbar-field asset-switcher" title={access.refusal ?? t('switcher.title')}>
      <span>{t('switcher.running')}</span>
      <select
        data-testid="asset-switcher"
        data-attention={attention ?? 'none'}
        value={shownId ?? ''}
        disabled={!access.allowed}
        onChange={(e) => change(e.target.value)}
      >
        {assets.map((a) => (
          <option key={a.assetId} value={a.assetId} data-health={a.health}>
            {assetOptionLabel(a)}
          </option>
        ))}
      </select>
      {attention && (
        <span className={`asset-attention is-${attention}`} data-testid="asset-attention">
          {attention === 'down' ? t('switcher.noData') : t('switcher.attention')}
        </span>
      )}
    </label>
  );
}
