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
        <h3>Surrogate vs physics</h3>
        <span className="section-spacer" />
        <span className="muted num" data-testid="whatif-surrogate-ms">
          {running && !surrogate
            ? 'surrogate running…'
            : surrogate
              ? `surrogate ${Math.round(surrogate.computeMs)} ms${backend ? ` on ${backend}` : ''}`
              : ''}
        </span>
      </div>
      {note && (
        <p className="form-note" data-testid="whatif-surrogate-note">
          {note}
        </p>
      )}
      {surrogate && <TrustNote asset={asset} gapRatios={gaps ? flaggedGapRatios(gaps.rows) : []} />}
      {surrogate && (
        <table className="kpi-table">
          <thead>
            <tr>
              <th>Tag</th>
              <th>Mean gap</th>
              <th>Card test MAE{cardHorizon !== null ? ` @+${cardHorizon} min` : ''}</th>
              <th>Trust</th>
            </tr>
          </thead>
          <tbody>
            {chartTags.map((id) => {
              const tag = asset.tags.find((t) => t.id === id);
              const row = gaps?.rows.find((r) => r.tagId === id);
              const cardMae = cardHorizon !== null ? (card?.[String(cardHorizon)]?.[id] ?? null) : null;
              return (
                <tr key={id} data-tag-id={id} className={row?.flagged ? 'surrogate-flagged' : undefined}>
                  <td>
                    {tag?.instrument} {tag?.name}
                  </td>
                  <td className="num">
                    {gaps ? fmt(row?.gap ?? null) : 'physics pending…'} {tag?.unit}
                  </td>
                  <td className="num">
                    {fmt(cardMae)} {tag?.unit}
                  </td>
                  <td>{row ? (row.flagged ? `gap > ${GAP_FLAG_FACTOR}× test error` : 'within') : ''}</td>
                </tr>
              );
            })}
          </tbody>
          <caption className="muted">
            Forecaster answer over its first {surrogate.minutes} min
            {capped
              ? ` (capped: it forecasts ${surrogate.minutes} min, not the ${surrogate.requestedMinutes} asked)`
              : ''}
            ; gap = mean |surrogate − physics plan| per minute. The 48 min before the fork come from the{' '}
            <span data-testid="whatif-surrogate-past">{surrogate.pastSource}</span>
            {surrogate.pastSource === 'live buffer'
              ? ', which keeps no setpoint history: the setpoints at the fork stand for it.'
              : ', with the setpoints recorded then.'}
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
  const outside = useWhatIf((s) => s.surrogate?.outsideTraining ?? []);
  const name = (id: string) =>
    asset.controls.find((c) => c.id === id)?.name ?? asset.tags.find((t) => t.id === id)?.name ?? id;
  const unit = (id: string) =>
    asset.controls.find((c) => c.id === id)?.unit ?? asset.tags.find((t) => t.id === id)?.unit ?? '';
  const trusted = outside.length === 0 && gapRatios.length === 0;
  const gapText = gapRatios
    .slice(0, 3)
    .map((g) => `${name(g.tagId)} ${g.ratio.toFixed(1)}× its test error`)
    .join('; ');
  return (
    <p
      className={`form-note ${trusted ? 'muted' : 'surrogate-flagged'}`}
      data-testid="whatif-surrogate-extrapolation"
      data-extrapolating={outside.length > 0 ? 'true' : 'false'}
      data-trusted={trusted ? 'true' : 'false'}
    >
      {outside.length === 0 ? (
        <>Inputs within the training data (every setpoint and tag within {EXTRAPOLATION_Z} σ of it)</>
      ) : (
        <>
          Extrapolating:{' '}
          {outside
            .slice(0, 3)
            .map(
              (o) =>
                `${name(o.id)} ${fmt(o.value)} ${unit(o.id)} is ${Math.abs(o.z).toFixed(1)} σ ${o.z < 0 ? 'below' : 'above'} its training data`,
            )
            .join('; ')}
        </>
      )}
      {gapRatios.length > 0 ? (
        <>
          , but its gap to the physics is {gapText}: do not trust the surrogate for this plan; the physics
          answers it.
        </>
      ) : outside.length > 0 ? (
        <>. The card&apos;s test error does not cover this; a physics check matters most here.</>
      ) : (
        <>, and its gap to the physics is within {GAP_FLAG_FACTOR}× its test error.</>
      )}
    </p>
  );
}
