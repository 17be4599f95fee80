import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { ANOMALY_COMPONENTS } from '../../../../../core/ml/pump/spec';
import { formatDateTime, formatValue } from '../../../format';
import { faultClassName } from '../../../scene/paint/model-colors';
import { useDisplayedPrediction } from '../../../state/displayed-prediction';
import { hoverWhyTag, whyEntries, whyShares } from '../../../state/why';
import { NormalScoreSection } from './NormalScoreSection';
import { WhyListRow } from './WhyListRow';
import { timeToTrip } from './time-to-trip';
import './predictions.css';

const pct = (p: number) => `${formatValue(p * 100, p < 0.1 ? 1 : 0)} %`;

function timeToTripLabel(hours: number, std: number, t: TFunction<'live'>): string {
  const trip = timeToTrip(hours, std);
  if (trip.kind === 'no-degrading-fault') return t('prediction.noDegrading');
  if (trip.kind === 'no-trip-within-cap') return t('prediction.noTripWithin', { hours: trip.capHours });
  const text = `${formatValue(trip.hours, 1)} ± ${formatValue(trip.std, 1)} h`;
  return trip.beyondForecastMinutes === null
    ? text
    : t('prediction.beyondForecast', { value: text, minutes: trip.beyondForecastMinutes });
}

/** The selected component's health-model view: anomaly probability, its fault types, RUL ± σ and why. */
export function PredictionSection({ asset, componentId }: { asset: AssetDefinition; componentId: string }) {
  // While replaying: the model's output for the playhead moment, computed from history.
  const { t } = useTranslation('live');
  const { state, replaying } = useDisplayedPrediction();
  // A hovered entry belongs to this part's list: drop it when the selection moves on.
  useEffect(() => () => hoverWhyTag(null), [componentId]);
  const title = (
    <h3 className="charts-title">
      {/* Live predictions can trail the plant on a slow adapter: say which moment they are for. */}
      {replaying
        ? t('prediction.titleAt', { time: formatDateTime(state.at) })
        : state.at > 0
          ? t('prediction.titleAsOf', { time: formatDateTime(state.at) })
          : t('prediction.title')}
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
  const partName = (id: string | null) =>
    asset.components.find((c) => c.id === id)?.name ?? t('prediction.noPart');

  return (
    <section
      className="prediction-section"
      data-testid="selection-prediction"
      data-replay-at={replaying ? state.at : undefined}
    >
      {title}
      {!scored || !Number.isFinite(p) ? (
        <p className="empty-hint">{t('prediction.notScored')}</p>
      ) : (
        <ul className="tag-list">
          <li className="tag-row prediction-row" data-testid="prediction-anomaly">
            <span>{t('prediction.anomaly')}</span>
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
            title={t('prediction.rulTitle')}
          >
            <span>{t('prediction.rul')}</span>
            <span className="section-spacer" />
            <span className="num">{timeToTripLabel(rul, rulStd, t)}</span>
          </li>
          <WhyListRow
            label={t('prediction.why')}
            none={t('prediction.noStandout')}
            entries={why}
            entryText={(w, k) => `${tagName(w.tagId)} (${pct(shares[k] ?? 0)})`}
            entryTitle={(w) =>
              t(w.masked !== undefined ? 'prediction.whyTitleMasked' : 'prediction.whyTitle', {
                part: partName(w.componentId),
                weight: formatValue(w.weight, 2),
                masked: w.masked !== undefined ? pct(w.masked) : '',
              })
            }
          />
        </ul>
      )}
    </section>
  );
}
