import { useTranslation } from 'react-i18next';
import { ActiveVersionCell } from './ActiveVersionCell';
import type { NormalModelRegistry } from '../../../../core/api/domains/normal-models';
import type { TagDefinition } from '../../../../core/asset/schema';
import { normalCardMismatchSaid } from '../../../../core/ml/normal/asset-match';
import { phraseText } from '../../i18n/phrase-text';
import { fixed } from './models-format';
import { trainedOnText } from './normal-trained-on';

interface Props {
  registry: NormalModelRegistry;
  tags: readonly TagDefinition[];
  /** The asset's name in the active language. */
  assetName: string;
  busy: boolean;
  onUse: (id: string | null) => void;
}

/** The shown asset's normal-behaviour versions, stored by the backend, with the deployed one marked. */
export function NormalVersionTable({ registry, tags, assetName, busy, onUse }: Props) {
  const { t } = useTranslation('models');
  if (registry.versions.length === 0)
    return (
      <p className="history-hint" data-testid="normal-versions-empty">
        {t('normal.noVersions')}
      </p>
    );
  return (
    <div className="history-table-wrap models-table-wrap">
      <table className="history-table models-table" data-testid="normal-versions">
        <thead>
          <tr>
            <th>{t('columns.version')}</th>
            <th>{t('columns.trainedOn')}</th>
            <th className="num">{t('columns.rows')}</th>
            <th className="num">{t('columns.threshold')}</th>
            <th className="num">{t('columns.budget')}</th>
            <th>{t('columns.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {registry.versions.map((v) => {
            const active = v.id === registry.activeId;
            const mismatch = normalCardMismatchSaid(v.card, tags);
            const trainedOn = trainedOnText(v.card, assetName);
            return (
              <tr
                key={v.id}
                data-testid="normal-version"
                data-version={v.id}
                data-active={active}
                className={active ? 'active' : undefined}
              >
                <ActiveVersionCell active={active} name={v.id} />
                <td className="models-wrap" title={trainedOn}>
                  {trainedOn}
                </td>
                <td className="num">{v.card.training.rows}</td>
                <td className="num">{fixed(v.card.model.threshold, 2)}</td>
                <td className="num">{fixed(v.card.training.falseAlarmsPerDay, 1)}</td>
                <td className="models-wrap" data-testid="normal-version-status">
                  {mismatch
                    ? t('status.doesNotFit', { reason: phraseText(mismatch.phrase, mismatch.message) })
                    : active
                      ? t('status.running')
                      : t('status.kept')}
                </td>
                <td className="models-actions">
                  {active ? (
                    <button type="button" disabled={busy} onClick={() => onUse(null)}>
                      {t('normal.stopUsing')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      data-testid="btn-use-normal-version"
                      disabled={busy || mismatch !== null}
                      onClick={() => onUse(v.id)}
                    >
                      {t('useVersion')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
