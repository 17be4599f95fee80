import type { AssetDefinition } from '../../../../../core/asset/schema';
import { formatDateTime } from '../../../format';
import type { PredictionState } from '../../../state/prediction-store';
import { hoverWhyTag, whyEntries } from '../../../state/why';

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
  const i = state.components.indexOf(componentId);
  const score = state.anomaly?.[i] ?? Number.NaN;
  const why = whyEntries(asset, state.components, state.influences, componentId);
  const tagName = (id: string) => {
    const t = asset.tags.find((x) => x.id === id);
    return t ? `${t.instrument} ${t.name}` : id;
  };
  return (
    <section className="prediction-section" data-testid="selection-normal-score">
      <h3 className="charts-title">
        Normal-behaviour model {replaying ? 'at' : 'as of'} {formatDateTime(state.at)} UTC
      </h3>
      <ul className="tag-list">
        <li className="tag-row prediction-row">
          <span>This part</span>
          <span className="section-spacer" />
          <span className="num">
            {!Number.isFinite(score)
              ? 'no scored tag'
              : score >= 0.5
                ? 'past the alarm threshold'
                : score > 0.05
                  ? 'deviating, below the threshold'
                  : 'normal'}
          </span>
        </li>
        <li className="tag-row prediction-row prediction-why" data-testid="prediction-why">
          <span>Why</span>
          <span className="section-spacer" />
          <span className="why-list" onMouseLeave={() => hoverWhyTag(null)}>
            {why.length === 0
              ? 'every tag within half the threshold of normal'
              : why.map((w) => (
                  <span
                    key={w.tagId}
                    className="why-entry"
                    data-testid="why-entry"
                    data-tag-id={w.tagId}
                    data-part={w.componentId ?? ''}
                    title={`Deviation from normal: ${w.weight.toFixed(2)} × the alarm threshold`}
                    onMouseEnter={() => hoverWhyTag(w.tagId)}
                  >
                    {tagName(w.tagId)} ({w.weight.toFixed(1)}× threshold)
                  </span>
                ))}
          </span>
        </li>
      </ul>
    </section>
  );
}
