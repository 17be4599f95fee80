import { useEffect } from 'react';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { ANOMALY_COMPONENTS } from '../../../../../core/ml/pump/spec';
import { formatDateTime } from '../../../format';
import { faultClassName } from '../../../scene/paint/model-colors';
import { useDisplayedPrediction } from '../../../state/displayed-prediction';
import { hoverWhyTag, whyEntries, whyShares } from '../../../state/why';
import { NormalScoreSection } from './NormalScoreSection';
import { timeToTripText } from './time-to-trip';
import './predictions.css';

const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 ? 1 : 0)} %`;
/** The selected component's health-model view: anomaly probability, its fault types, RUL ± σ and why. */
export function PredictionSection({ asset, componentId }: { asset: AssetDefinition; componentId: string }) {
  // While replaying: the model's output for the playhead moment, computed from history.
  const { state, replaying } = useDisplayedPrediction();
  // A hovered entry belongs to this part's list: drop it when the selection moves on.
  useEffect(() => () => hoverWhyTag(null), [componentId]);
  const title = (
    <h3 className="charts-title">
      {/* Live predictions can trail the plant on a slow adapter: say which moment they are for. */}
      Health model
      {replaying
        ? ` at ${formatDateTime(state.at)} UTC`
        : state.at > 0
          ? ` as of ${formatDateTime(state.at)} UTC`
          : ''}
    </h3>
  );
  if (replaying && state.status !== 'running')
    return (
      <section className="prediction-section" data-testid="selection-prediction" data-replay-at={state.at}>
        {title}
        <p className="empty-hint" data-testid="prediction-replay-note">
          {(state.message ?? '').replace(/^./, (c) => c.toUpperCase())}.
        </p>
      </section>
    );
  if (state.status !== 'running' || !state.anomaly) return null;
  if (state.anomalySource === 'normal-behaviour')
    return <NormalScoreSection asset={asset} componentId={componentId} state={state} replaying={replaying} />;
  const i = state.components.indexOf(componentId);
  const scored = ANOMALY_COMPONENTS.find((c) => c.id === componentId);
  const p = state.anomaly[i] ?? Number.NaN;
  const tagName = (id: string) => {
    const t = asset.tags.find((x) => x.id === id);
    return t ? `${t.instrument} ${t.name}` : id;
  };
  const rul = state.rulHours?.[i] ?? Number.NaN;
  const rulStd = state.rulStdHours?.[i] ?? Number.NaN;
  const why = whyEntries(asset, state.components, state.influences, componentId);
  const shares = whyShares(why);
  const partName = (id: string | null) => asset.components.find((c) => c.id === id)?.name ?? 'no part';

  return (
    <section
      className="prediction-section"
      data-testid="selection-prediction"
      data-replay-at={replaying ? state.at : undefined}
    >
      {title}
      {!scored || !Number.isFinite(p) ? (
        <p className="empty-hint">The health model does not score this part.</p>
      ) : (
        <ul className="tag-list">
          <li className="tag-row prediction-row" data-testid="prediction-anomaly">
            <span>Anomaly probability</span>
            <span className="section-spacer" />
            <span className="num">{pct(p)}</span>
          </li>
          {scored.faults.map((f) => (
            <li key={f} className="tag-row prediction-row">
              <span>{faultClassName(asset, f)}</span>
              <span className="section-spacer" />
              <span className="num">{pct(state.faultProbs?.[f] ?? 0)}</span>
            </li>
          ))}
          <li
            className="tag-row prediction-row"
            data-testid="prediction-rul"
            title="Remaining useful life: hours until the first trip limit is crossed, the same event as the what-if's time to trip"
          >
            <span>Time to trip (RUL)</span>
            <span className="section-spacer" />
            <span className="num">{timeToTripText(rul, rulStd)}</span>
          </li>
          <li className="tag-row prediction-row prediction-why" data-testid="prediction-why">
            <span>Why</span>
            <span className="section-spacer" />
            <span className="why-list" onMouseLeave={() => hoverWhyTag(null)}>
              {why.length === 0
                ? 'no single tag stands out'
                : why.map((w, k) => (
                    <span
                      key={w.tagId}
                      className="why-entry"
                      data-testid="why-entry"
                      data-tag-id={w.tagId}
                      data-part={w.componentId ?? ''}
                      title={
                        `${partName(w.componentId)}: outlined in the 3D view while this part is selected. ` +
                        `Masking this tag lowers the score's log-odds by ${w.weight.toFixed(2)}` +
                        (w.masked !== undefined ? ` (the score without it: ${pct(w.masked)})` : '') +
                        `; the percentage is its share of the drops listed.`
                      }
                      onMouseEnter={() => hoverWhyTag(w.tagId)}
                    >
                      {tagName(w.tagId)} ({pct(shares[k] ?? 0)})
                    </span>
                  ))}
            </span>
          </li>
        </ul>
      )}
    </section>
  );
}
