import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { formatDateTime } from '../../../format';
import type { PredictionState } from '../../../state/prediction-store';
import { whyEntries } from '../../../state/why';
import { WhyListRow } from './WhyListRow';

/**
 * The selected part under the asset's normal-behaviour model: its colour score against the alarm threshold
 * and the tags driving the asset's score (outlined in 3D; hovering one singles its part out).
 */
export function NormalScoreSection(props: {
  asset: AssetDefinition;
  componentId: string;
  state: PredictionState;
  replaying: boolean;
}) {
  const { asset, componentId, state, replaying } = props;
  const { t } = useTranslation('live');
  const i = state.components.indexOf(componentId);
  const score = state.anomaly?.[i] ?? Number.NaN;
  const why = whyEntries(asset, state.components, state.influences, componentId);
  const tagName = (id: string) => {
    const tag = asset.tags.find((x) => x.id === id);
    return tag ? `${tag.instrument} ${tag.name}` : id;
  };
  return (
    <section className="prediction-section" data-testid="selection-normal-score">
      <h3 className="charts-title">
        {t(replaying ? 'models.normalScore.titleAt' : 'models.normalScore.titleAsOf', {
          time: formatDateTime(state.at),
        })}
      </h3>
      <ul className="tag-list">
        <li className="tag-row prediction-row">
          <span>{t('models.normalScore.thisPart')}</span>
          <span className="section-spacer" />
          <span className="num">
            {!Number.isFinite(score)
              ? t('models.normalScore.noTag')
              : score >= 0.5
                ? t('models.normalScore.past')
                : score > 0.05
                  ? t('models.normalScore.deviating')
                  : t('models.normalScore.normal')}
          </span>
        </li>
        <WhyListRow
          label={t('models.normalScore.why')}
          none={t('models.normalScore.none')}
          entries={why}
          entryText={(w) =>
            t('models.normalScore.entry', { tag: tagName(w.tagId), weight: w.weight.toFixed(1) })
          }
          entryTitle={(w) => t('models.normalScore.entryTitle', { weight: w.weight.toFixed(2) })}
        />
      </ul>
    </section>
  );
}
