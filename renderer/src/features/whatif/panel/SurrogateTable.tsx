import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { useStore } from 'zustand';
import { predictionStore } from '../../../state/prediction-store';
import {
  cardHorizonFor,
  flaggedGapRatios,
  GAP_FLAG_FACTOR,
  surrogateGaps,
} from '../surrogate/surrogate-compare';
import { EXTRAPOLATION_Z } from '../surrogate/surrogate-trust';
import { useWhatIf } from '../use-whatif';

const fmt = (v: number | null) => (v === null ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1));

/**
 * Surrogate vs physics for the charted tags: the mean gap between the learned answer and the physics over the
 * surrogate's horizon, beside its test error from the model card; a gap beyond twice that error is marked.
 */
export function SurrogateTable({ asset }: { asset: AssetDefinition }) {
  const { t } = useTranslation('whatif');
  const surrogate = useWhatIf((s) => s.surrogate);
  const note = useWhatIf((s) => s.surrogateNote);
  const running = useWhatIf((s) => s.surrogateRunning);
  const card = useWhatIf((s) => s.surrogateCard);
  const result = useWhatIf((s) => s.result);
  const resultKey = useWhatIf((s) => s.resultKey);
  const chartTags = useWhatIf((s) => s.chartTags);
  const backend = useStore(predictionStore, (s) => s.backend);
  const same = surrogate !== null && result !== null && resultKey === surrogate.key;
  const gaps = same && card ? surrogateGaps(result, surrogate, chartTags, card) : null;
  const cardHorizon = surrogate && card ? cardHorizonFor(card, surrogate.minutes) : null;
  const capped = surrogate !== null && surrogate.minutes < surrogate.requestedMinutes;
  return (
    <div data-testid="whatif-surrogate">
      <div className="section-header sub">
        <h3>{t('surrogate.title')}</h3>
        <span className="section-spacer" />
        <span className="muted num" data-testid="whatif-surrogate-ms">
          {running && !surrogate
            ? t('surrogate.running')
            : surrogate
              ? backend
                ? t('surrogate.msOn', { ms: Math.round(surrogate.computeMs), backend })
                : t('surrogate.ms', { ms: Math.round(surrogate.computeMs) })
              : ''}
        </span>
      </div>
      {note && (
        <p className="form-note" data-testid="whatif-surrogate-note">
          {note()}
        </p>
      )}
      {surrogate && <TrustNote asset={asset} gapRatios={gaps ? flaggedGapRatios(gaps.rows) : []} />}
      {surrogate && (
        <table className="kpi-table">
          <thead>
            <tr>
              <th>{t('surrogate.tag')}</th>
              <th>{t('surrogate.meanGap')}</th>
              <th>
                {cardHorizon !== null
                  ? t('surrogate.cardMaeAt', { minutes: cardHorizon })
                  : t('surrogate.cardMae')}
              </th>
              <th>{t('surrogate.trust')}</th>
            </tr>
          </thead>
          <tbody>
            {chartTags.map((id) => {
              const tag = asset.tags.find((x) => x.id === id);
              const row = gaps?.rows.find((r) => r.tagId === id);
              const cardMae = cardHorizon !== null ? (card?.[String(cardHorizon)]?.[id] ?? null) : null;
              return (
                <tr key={id} data-tag-id={id} className={row?.flagged ? 'surrogate-flagged' : undefined}>
                  <td>
                    {tag?.instrument} {tag?.name}
                  </td>
                  <td className="num">
                    {gaps ? fmt(row?.gap ?? null) : t('surrogate.physicsPending')} {tag?.unit}
                  </td>
                  <td className="num">
                    {fmt(cardMae)} {tag?.unit}
                  </td>
                  <td>
                    {row
                      ? row.flagged
                        ? t('surrogate.gapFlagged', { factor: GAP_FLAG_FACTOR })
                        : t('surrogate.within')
                      : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <caption className="muted">
            {capped
              ? t('surrogate.captionCapped', {
                  minutes: surrogate.minutes,
                  requested: surrogate.requestedMinutes,
                })
              : t('surrogate.caption', { minutes: surrogate.minutes })}{' '}
            <span data-testid="whatif-surrogate-past" data-source={surrogate.pastSource}>
              {t(`surrogate.${surrogate.pastSource}`)}
            </span>
            {surrogate.pastSource === 'live buffer' ? t('surrogate.pastLive') : t('surrogate.pastStore')}
          </caption>
        </table>
      )}
    </div>
  );
}

/**
 * Whether to trust the surrogate for this plan: its inputs against its training data, and the gap it shows
 * against the physics against its own test error. Inside the training range is not enough when the gap says
 * otherwise (a valve move the data never covered can sit within the range of each input).
 */
function TrustNote({
  asset,
  gapRatios,
}: {
  asset: AssetDefinition;
  gapRatios: readonly { tagId: string; ratio: number }[];
}) {
  const { t } = useTranslation('whatif');
  const outside = useWhatIf((s) => s.surrogate?.outsideTraining ?? []);
  const name = (id: string) =>
    asset.controls.find((c) => c.id === id)?.name ?? asset.tags.find((t) => t.id === id)?.name ?? id;
  const unit = (id: string) =>
    asset.controls.find((c) => c.id === id)?.unit ?? asset.tags.find((t) => t.id === id)?.unit ?? '';
  const trusted = outside.length === 0 && gapRatios.length === 0;
  const gapText = gapRatios
    .slice(0, 3)
    .map((g) => t('surrogate.gapRatio', { name: name(g.tagId), ratio: g.ratio.toFixed(1) }))
    .join(t('surrogate.listSeparator'));
  return (
    <p
      className={`form-note ${trusted ? 'muted' : 'surrogate-flagged'}`}
      data-testid="whatif-surrogate-extrapolation"
      data-extrapolating={outside.length > 0 ? 'true' : 'false'}
      data-trusted={trusted ? 'true' : 'false'}
    >
      {outside.length === 0
        ? t('surrogate.inside', { z: EXTRAPOLATION_Z })
        : t('surrogate.extrapolating', {
            inputs: outside
              .slice(0, 3)
              .map((o) =>
                t(o.z < 0 ? 'surrogate.outsideInput' : 'surrogate.outsideInputAbove', {
                  name: name(o.id),
                  value: fmt(o.value),
                  unit: unit(o.id),
                  z: Math.abs(o.z).toFixed(1),
                }),
              )
              .join(t('surrogate.listSeparator')),
          })}
      {gapRatios.length > 0
        ? t('surrogate.gapDistrust', { gaps: gapText })
        : outside.length > 0
          ? t('surrogate.uncovered')
          : t('surrogate.gapWithin', { factor: GAP_FLAG_FACTOR })}
    </p>
  );
}
