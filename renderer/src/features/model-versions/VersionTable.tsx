import type { TFunction } from 'i18next';
import { ActiveVersionCell } from './ActiveVersionCell';
import { useTranslation } from 'react-i18next';
import type { ModelVersion, RegistryIndex } from '../../../../core/ml/retrain/registry-index';
import { usable } from '../../../../core/ml/retrain/registry-index';
import { phrasesText } from '../../i18n/phrase-text';
import { fixed, span } from './models-format';
import { versionName } from './version-name';

interface Props {
  index: RegistryIndex;
  shippedCard: string;
  busy: boolean;
  onUse: (id: string) => void;
  onDelete: (id: string) => void;
}

function status(v: ModelVersion, index: RegistryIndex, shippedCard: string, t: TFunction<'models'>): string {
  if (v.id === index.activeId) return t('status.running');
  if (!usable(v, shippedCard)) return t('status.earlierShipped');
  if (v.decision && !v.decision.deployed) return t('status.keptNotDeployed');
  return t('status.kept');
}

/** Every version side by side with its figures on the held-out recent data it was last compared on. */
export function VersionTable({ index, shippedCard, busy, onUse, onDelete }: Props) {
  const { t } = useTranslation('models');
  return (
    <div className="history-table-wrap models-table-wrap">
      <table className="history-table models-table" data-testid="model-versions">
        <thead>
          <tr>
            <th>{t('columns.version')}</th>
            <th className="num">{t('columns.rocAuc')}</th>
            <th className="num">{t('columns.macroF1')}</th>
            <th className="num">{t('columns.falseAlarms')}</th>
            <th>{t('columns.heldOut')}</th>
            <th>{t('columns.training')}</th>
            <th>{t('columns.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {index.versions.map((v) => {
            const active = v.id === index.activeId;
            const e = v.evaluation;
            return (
              <tr
                key={v.id}
                data-testid="model-version"
                data-version={v.id}
                data-active={active}
                className={active ? 'active' : undefined}
              >
                <ActiveVersionCell active={active} name={versionName(v)} />
                <td className="num" data-testid="metric-auc">
                  {fixed(e?.rocAuc, 3)}
                </td>
                <td className="num" data-testid="metric-f1">
                  {fixed(e?.macroF1, 3)}
                </td>
                <td className="num" data-testid="metric-fa">
                  {fixed(e?.falseAlarmsPer24h, 1)}
                </td>
                <td className="models-wrap">
                  {e ? `${span(e.from, e.to)} (${e.windows})` : t('notCompared')}
                </td>
                <td className="models-wrap">
                  {v.training
                    ? t('trainingLine', {
                        epochs: v.training.epochs,
                        windows: v.training.windows,
                        backend: v.training.backend,
                        seconds: Math.round(v.training.seconds),
                      })
                    : t('shipped')}
                </td>
                <td
                  className="models-wrap"
                  title={v.decision ? phrasesText(v.decision.reasons, v.decision.phrases) : undefined}
                >
                  {status(v, index, shippedCard, t)}
                </td>
                <td className="models-actions">
                  {!active && (
                    <button
                      type="button"
                      data-testid="btn-use-version"
                      disabled={busy || !usable(v, shippedCard)}
                      onClick={() => onUse(v.id)}
                    >
                      {t('useVersion')}
                    </button>
                  )}
                  {!active && v.kind === 'retrained' && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => onDelete(v.id)}
                      title={t('deleteTitle')}
                    >
                      {t('delete')}
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
