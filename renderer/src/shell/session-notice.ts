import type { SessionInfo } from '../../../core/api/types';
import { dataSourceText } from '../i18n/data-source-text';
import { i18n } from '../i18n/i18n';
import { localizeAsset } from '../i18n/localize-asset';

/**
 * The notice for a new session: an asset loaded (from its file, or built in), or the same asset now running
 * from another data source (simulator ⇄ live sources). Names the asset in the active language.
 */
export function sessionNoticeText(session: SessionInfo, sameAsset: boolean): string {
  const asset = localizeAsset(session.asset, i18n.language).name;
  if (sameAsset)
    return i18n.t('shell:sessionNotice.nowRunsFrom', { asset, source: dataSourceText(session.source) });
  return session.assetSource === 'built-in'
    ? i18n.t('shell:sessionNotice.loadedBuiltIn', { asset })
    : i18n.t('shell:sessionNotice.loaded', { asset, from: session.assetSource });
}
